using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>
/// What one source grain polls and how often. Persisted by the grain, so a reminder brings the source back after a
/// silo loss. The poll interval adapts within [<paramref name="MinInterval"/>, <paramref name="MaxInterval"/>]: it
/// shortens to the minimum when new items appear, lengthens when nothing changed and backs off on errors; a
/// <c>Retry-After</c> from the host may push the next poll beyond the maximum.
/// </summary>
/// <param name="Url">Absolute http(s) URL of the feed, API page or HTML list.</param>
/// <param name="Kind">Which parser reads the body.</param>
/// <param name="MinInterval">The shortest time between polls (at least 100 ms).</param>
/// <param name="MaxInterval">The longest time between polls when nothing fails (at least <paramref name="MinInterval"/>).</param>
/// <param name="Html">Required for <see cref="TgeSourceKind.Html"/>, refused for the other kinds.</param>
/// <param name="Headers">Extra request headers (e.g. <c>Accept-Language</c> for OKX); conditional and hop-by-hop headers are refused.</param>
/// <param name="Language">The language reported when the body declares none.</param>
/// <param name="EmitExisting">Whether the items of the first successful poll are emitted (true) or only remembered as seen (false, for adding a source without replaying its backlog).</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeSourceSettings(
    [property: Id(0)] string Url,
    [property: Id(1)] TgeSourceKind Kind,
    [property: Id(2)] TimeSpan MinInterval,
    [property: Id(3)] TimeSpan MaxInterval,
    [property: Id(4)] TgeHtmlSelectors? Html = null,
    [property: Id(5)] IReadOnlyDictionary<string, string>? Headers = null,
    [property: Id(6)] string? Language = null,
    [property: Id(7)] bool EmitExisting = true)
{
    /// <summary>
    /// Equal when every field is, <see cref="Headers"/> by content (a silo rebinding its configuration builds new
    /// dictionaries of the same headers, and a source must read those as the settings it already runs on).
    /// </summary>
    public bool Equals(TgeSourceSettings? other) =>
        other is not null
        && Url == other.Url
        && Kind == other.Kind
        && MinInterval == other.MinInterval
        && MaxInterval == other.MaxInterval
        && Html == other.Html
        && Language == other.Language
        && EmitExisting == other.EmitExisting
        && SameHeaders(Headers, other.Headers);

    public override int GetHashCode() => HashCode.Combine(Url, Kind, MinInterval, MaxInterval, Html, Language, EmitExisting, Headers?.Count ?? 0);

    private static bool SameHeaders(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
        {
            return false;
        }

        foreach (var (name, value) in a ?? new Dictionary<string, string>())
        {
            if (!b!.TryGetValue(name, out var other) || other != value)
            {
                return false;
            }
        }

        return true;
    }
}
