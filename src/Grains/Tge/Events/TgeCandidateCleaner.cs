using System.Text.RegularExpressions;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Keywords;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// Sanitises and validates one candidate before it touches a record (EVENTS.md, "Sanitising and validation"). Text
/// goes through <see cref="TgeText"/> with a bound per field; a link survives only as an absolute http(s) URL
/// without credentials; a language tag only in BCP 47 shape; times are cut to whole microseconds (what PostgreSQL
/// keeps, so the stored record and the grain's agree). A candidate that cannot be made valid is refused with a
/// reason instead of being stored half-cleaned.
/// </summary>
internal static partial class TgeCandidateCleaner
{
    public const int MaxTitle = 300;
    public const int MaxSourceId = 100;
    public const int MaxItemId = 512;
    public const int MaxLink = 2048;
    public const int MaxSymbol = 32;
    public const int MaxName = 100;
    public const int MaxVenue = 40;

    public static bool TryClean(TgeCandidate candidate, string grainKey, DateTimeOffset now, out TgeCleanCandidate clean, out string reason)
    {
        clean = null!;
        reason = Check(candidate, grainKey);
        if (reason.Length > 0)
        {
            return false;
        }

        var item = candidate.Item;
        var verdict = candidate.Classification;
        var source = TgeText.Plain(item.SourceId, MaxSourceId);
        var itemId = TgeText.Plain(item.ItemId, MaxItemId);
        var title = TgeText.Plain(item.Title, MaxTitle);
        reason = source.Length == 0 ? "missing-source" : itemId.Length == 0 ? "missing-item" : title.Length == 0 ? "empty-title" : "";
        if (reason.Length > 0)
        {
            return false;
        }

        var sighting = new TgeSighting(
            source,
            itemId,
            title,
            SafeLink(item.Link),
            LanguageTag(item.Language),
            verdict.Kind,
            TgeText.PlainOrNull(verdict.Venue, MaxVenue),
            verdict.Confidence,
            Microseconds(item.Published),
            Microseconds(item.SeenAt),
            Microseconds(now));
        clean = new TgeCleanCandidate(
            sighting,
            TgeText.PlainOrNull(verdict.Symbol, MaxSymbol),
            TgeText.PlainOrNull(verdict.Name, MaxName),
            verdict.Kind,
            sighting.Venue,
            Microseconds(verdict.EventTime),
            verdict.Confidence);
        return true;
    }

    public static DateTimeOffset Microseconds(DateTimeOffset value) => value.AddTicks(-(value.UtcTicks % 10));

    private static DateTimeOffset? Microseconds(DateTimeOffset? value) => value is { } v ? Microseconds(v) : null;

    private static string Check(TgeCandidate candidate, string grainKey)
    {
        if (candidate?.Item is null || candidate.Classification is null)
        {
            return "incomplete";
        }

        if (!TgeSlugs.IsValid(candidate.TokenSlug))
        {
            return "invalid-slug";
        }

        if (!string.Equals(candidate.TokenSlug, grainKey, StringComparison.Ordinal))
        {
            return "slug-mismatch";
        }

        var verdict = candidate.Classification;
        if (!verdict.IsTge)
        {
            return "not-tge";
        }

        if (verdict.Kind == TgeKind.None || !Enum.IsDefined(verdict.Kind))
        {
            return "bad-kind";
        }

        if (!double.IsFinite(verdict.Confidence) || verdict.Confidence is < 0 or > 1)
        {
            return "bad-confidence";
        }

        return candidate.Item.SeenAt == default ? "missing-seen-time" : "";
    }

    private static string? SafeLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || link.Length > MaxLink)
        {
            return null;
        }

        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        // AbsoluteUri escapes spaces, quotes and angle brackets, so the stored link cannot break out of an attribute.
        var safe = uri.AbsoluteUri;
        return safe.Length <= MaxLink ? safe : null;
    }

    private static string? LanguageTag(string? language) =>
        language is { Length: > 0 and <= 35 } && LanguagePattern().IsMatch(language) ? language : null;

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
