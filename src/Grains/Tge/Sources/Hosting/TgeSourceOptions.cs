using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Sources.Hosting;

/// <summary>One configured source (an element of the <c>Tge:Sources</c> list); see <see cref="TgeSourceSettings"/> for each field.</summary>
internal sealed class TgeSourceOptions
{
    /// <summary>The source id (the grain key and the <c>tge.raw</c> stream key). Required.</summary>
    public string Id { get; set; } = "";

    /// <summary>Required.</summary>
    public string Url { get; set; } = "";

    public TgeSourceKind Kind { get; set; }

    /// <summary>Default 30 s.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Default 5 minutes.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Required for Html sources.</summary>
    public TgeHtmlSelectorsOptions? Html { get; set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Language { get; set; }

    /// <summary>Default true: the first poll emits what the source already lists.</summary>
    public bool EmitExisting { get; set; } = true;

    public TgeSourceSettings ToSettings() => new(
        Url,
        Kind,
        MinInterval,
        MaxInterval,
        Html is { } h ? new TgeHtmlSelectors(h.Item, h.Title, h.Link, h.Date, h.Summary) : null,
        Headers.Count == 0 ? null : new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase),
        Language,
        EmitExisting);
}
