using System.Globalization;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Silo.Api.Tge;

/// <summary>
/// The query string of <c>GET /api/tge/events</c> as a <see cref="TgeEventQuery"/>, or the field-named reasons it is
/// not one. The store checks its arguments too; checking here first answers in the query's own names and units.
/// </summary>
internal static class TgeEventQueryParser
{
    public const int MaxLimit = 500;
    public const int MaxTokenLength = 64;
    public const int MaxCursorLength = 512;

    public static TgeEventQuery Parse(
        Dictionary<string, string[]> errors, string? from, string? to, string? token, string? kind, string? minConfidence, string? limit, string? cursor)
    {
        var fromTime = Time(errors, "from", from);
        var toTime = Time(errors, "to", to);
        if (fromTime is not null && toTime is not null && toTime <= fromTime)
        {
            errors["to"] = ["to must be later than from."];
        }

        if (token is { Length: 0 or > MaxTokenLength })
        {
            errors["token"] = [$"token must be 1 to {MaxTokenLength} characters: a token slug or symbol (e.g. ARB)."];
        }

        TgeKind? parsedKind = null;
        if (kind is not null)
        {
            if (Enum.TryParse<TgeKind>(kind, ignoreCase: true, out var k) && k != TgeKind.None && Enum.IsDefined(k) && !int.TryParse(kind, out _))
            {
                parsedKind = k;
            }
            else
            {
                var names = string.Join(", ", Enum.GetValues<TgeKind>().Where(v => v != TgeKind.None).Select(v => v.ToString().ToLowerInvariant()));
                errors["kind"] = [$"kind must be one of {names} (was '{kind}')."];
            }
        }

        double? confidence = null;
        if (minConfidence is not null)
        {
            if (double.TryParse(minConfidence, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && c is >= 0 and <= 1)
            {
                confidence = c;
            }
            else
            {
                errors["minConfidence"] = [$"minConfidence must be a number from 0 to 1 (was '{minConfidence}')."];
            }
        }

        var size = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit} (was '{limit}')."];
        }

        if (cursor is { Length: 0 or > MaxCursorLength })
        {
            errors["cursor"] = ["cursor must be the nextCursor of a previous page."];
        }

        return new TgeEventQuery(fromTime, toTime, token, parsedKind, confidence, size, cursor);
    }

    private static DateTimeOffset? Time(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors[field] = [$"{field} must be an ISO 8601 time, e.g. 2026-01-31T00:00:00Z (was '{value}')."];
        return null;
    }
}
