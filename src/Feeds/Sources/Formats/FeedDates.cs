using System.Globalization;

namespace TgeSwarm.Feeds.Sources.Formats;

/// <summary>
/// Reads the dates feeds write: RFC 822/1123 (<c>Fri, 17 Jul 2026 07:30:01 +0000</c>, also with the RFC's named
/// zones GMT/UT/EST…), ISO 8601 / RFC 3339 with or without an offset (none means UTC), and Unix seconds or
/// milliseconds. The zone given is kept in the offset.
/// </summary>
internal static class FeedDates
{
    private static readonly (string Name, string Offset)[] s_zones =
    [
        ("GMT", "+00:00"), ("UTC", "+00:00"), ("UT", "+00:00"), ("Z", "+00:00"),
        ("EST", "-05:00"), ("EDT", "-04:00"), ("CST", "-06:00"), ("CDT", "-05:00"),
        ("MST", "-07:00"), ("MDT", "-06:00"), ("PST", "-08:00"), ("PDT", "-07:00"),
    ];

    private static readonly string[] s_rfc822 =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
        "ddd, d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm:ss zzz",
    ];

    public static DateTimeOffset? Parse(string? text, ParseContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = TryParse(text.Trim());
        if (value is null)
        {
            context.Count(SourceProblem.BadDate);
        }

        return value;
    }

    public static DateTimeOffset? FromUnix(long value) =>
        value switch
        {
            // Below 10^11 a value is seconds (year 5138 in seconds would be needed to exceed it); above, milliseconds.
            < 0 => null,
            < 100_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(value),
            <= 253_402_300_799_999 => DateTimeOffset.FromUnixTimeMilliseconds(value),
            _ => null,
        };

    internal static DateTimeOffset? TryParse(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return FromUnix(unix);
        }

        if (char.IsLetter(text[0]) || (char.IsDigit(text[0]) && text.Length > 2 && (text[1] == ' ' || text[2] == ' ')))
        {
            return Rfc822(text);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso) ? iso : null;
    }

    private static DateTimeOffset? Rfc822(string text)
    {
        var lastSpace = text.LastIndexOf(' ');
        if (lastSpace < 0)
        {
            return null;
        }

        var zone = text[(lastSpace + 1)..];
        var offset = NamedZone(zone) ?? NumericZone(zone);
        if (offset is null)
        {
            return null;
        }

        var normalised = string.Concat(text.AsSpan(0, lastSpace + 1), offset);
        return DateTimeOffset.TryParseExact(normalised, s_rfc822, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value) ? value : null;
    }

    private static string? NamedZone(string zone)
    {
        foreach (var (name, offset) in s_zones)
        {
            if (zone.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return offset;
            }
        }

        return null;
    }

    private static string? NumericZone(string zone) =>
        zone.Length == 5 && zone[0] is '+' or '-' && zone.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0
            ? string.Concat(zone.AsSpan(0, 3), ":", zone.AsSpan(3))
            : zone.Length == 6 && zone[3] == ':' ? zone : null;
}
