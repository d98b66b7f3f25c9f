namespace TgeSwarm.Feeds.Sources;

/// <summary>Bounds and per-source configuration for <see cref="SourceParsers"/>.</summary>
public sealed record SourceParseSettings
{
    /// <summary>The settings used when none are given.</summary>
    public static SourceParseSettings Default { get; } = new();

    /// <summary>Bodies larger than this are refused unread (<see cref="SourceProblem.BodyTooLarge"/>). Default 4 MiB, far above any real feed page.</summary>
    public int MaxBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>At most this many items per body, in document order. Default 1000.</summary>
    public int MaxItems { get; init; } = 1000;

    /// <summary>Titles are cut to this many characters. Default 300.</summary>
    public int MaxTitleChars { get; init; } = 300;

    /// <summary>Summaries are cut to this many characters. Default 2000.</summary>
    public int MaxSummaryChars { get; init; } = 2000;

    /// <summary>The selectors of an <see cref="SourceKind.Html"/> source; required for that kind only.</summary>
    public HtmlSelectors? Html { get; init; }

    /// <summary>The language to report when the body declares none (e.g. an API queried with <c>locale=en-US</c>).</summary>
    public string? Language { get; init; }
}
