using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>Checks a source's id and settings before anything is persisted or polled, with messages that name the field.</summary>
internal static class SourceSettingsValidator
{
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan LongestInterval = TimeSpan.FromDays(1);

    // Headers the fetch sets itself, or that would change what a conditional GET means.
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Upgrade", "Content-Length", "Content-Type",
        "If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range", "Range", "User-Agent",
    };

    public static void ValidateId(string sourceId)
    {
        if (string.IsNullOrEmpty(sourceId) || sourceId.Length > 100 || !sourceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"Source id '{sourceId}' must be 1-100 letters, digits, '-', '_' or '.'.", nameof(sourceId));
        }
    }

    public static Uri Validate(string sourceId, TgeSourceSettings settings)
    {
        ValidateId(sourceId);
        ArgumentNullException.ThrowIfNull(settings);
        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host))
        {
            throw new ArgumentException($"Url '{settings.Url}' must be an absolute http:// or https:// address.", nameof(settings));
        }

        if (!Enum.IsDefined(settings.Kind))
        {
            throw new ArgumentException($"Kind '{settings.Kind}' is not known; use one of {string.Join(", ", Enum.GetNames<TgeSourceKind>())}.", nameof(settings));
        }

        if (settings.MinInterval < ShortestInterval || settings.MinInterval > LongestInterval)
        {
            throw new ArgumentException($"MinInterval {settings.MinInterval} must be between {ShortestInterval} and {LongestInterval}.", nameof(settings));
        }

        if (settings.MaxInterval < settings.MinInterval || settings.MaxInterval > LongestInterval)
        {
            throw new ArgumentException($"MaxInterval {settings.MaxInterval} must be at least MinInterval ({settings.MinInterval}) and at most {LongestInterval}.", nameof(settings));
        }

        if (settings.Kind == TgeSourceKind.Html)
        {
            if (settings.Html is null || string.IsNullOrWhiteSpace(settings.Html.Item) || string.IsNullOrWhiteSpace(settings.Html.Title))
            {
                throw new ArgumentException("Html must give at least the Item and Title selectors for an Html source.", nameof(settings));
            }
        }
        else if (settings.Html is not null)
        {
            throw new ArgumentException($"Html selectors apply to Html sources only, not to {settings.Kind}.", nameof(settings));
        }

        foreach (var (name, value) in settings.Headers ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw new ArgumentException($"Headers: '{name}' is not a header name.", nameof(settings));
            }

            if (ReservedHeaders.Contains(name))
            {
                throw new ArgumentException($"Headers: '{name}' is set by the fetch itself and cannot be configured.", nameof(settings));
            }

            if (value is null || value.Any(c => c is '\r' or '\n'))
            {
                throw new ArgumentException($"Headers: the value of '{name}' must be one line.", nameof(settings));
            }
        }

        return url;
    }
}
