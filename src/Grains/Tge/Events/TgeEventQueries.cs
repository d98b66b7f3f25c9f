using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// The query rules both stores share: argument checks that name the field, and the order and filters the in-memory
/// store applies and the PostgreSQL store writes as SQL (newest first by first-seen time, then by slug descending,
/// so equal times still page stably).
/// </summary>
internal static class TgeEventQueries
{
    public const int MaxLimit = 500;
    public const int MaxToken = 64;

    /// <exception cref="ArgumentException">A field is out of range; <see cref="ArgumentException.ParamName"/> names it.</exception>
    public static TgeEventCursor? Validate(TgeEventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(TgeEventQuery.Limit), query.Limit, $"Limit must be 1..{MaxLimit}.");
        }

        if (query.From is { } from && query.To is { } to && from >= to)
        {
            throw new ArgumentException($"From ({from:O}) must be before To ({to:O}).", nameof(TgeEventQuery.From));
        }

        if (query.MinConfidence is { } min && (!double.IsFinite(min) || min is < 0 or > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TgeEventQuery.MinConfidence), min, "MinConfidence must be 0..1.");
        }

        if (query.Kind is { } kind && (kind == TgeKind.None || !Enum.IsDefined(kind)))
        {
            throw new ArgumentOutOfRangeException(nameof(TgeEventQuery.Kind), kind, "Kind must be one of the TGE kinds.");
        }

        if (query.Token is { } token && (string.IsNullOrWhiteSpace(token) || token.Length > MaxToken))
        {
            throw new ArgumentException($"Token must be 1..{MaxToken} characters.", nameof(TgeEventQuery.Token));
        }

        return query.Cursor is null ? null : TgeEventCursor.Decode(query.Cursor);
    }

    public static bool Matches(TgeEvent record, TgeEventQuery query, TgeEventCursor? after)
    {
        if (query.From is { } from && record.FirstSeenAt < from)
        {
            return false;
        }

        if (query.To is { } to && record.FirstSeenAt >= to)
        {
            return false;
        }

        if (query.Kind is { } kind && record.Kind != kind)
        {
            return false;
        }

        if (query.MinConfidence is { } min && record.Confidence < min)
        {
            return false;
        }

        if (query.Token is { } token && !MatchesToken(record, token.Trim()))
        {
            return false;
        }

        return after is not { } cursor || Compare(record, cursor) < 0;
    }

    /// <summary>Sort order: positive when <paramref name="record"/> comes before (is newer than) the cursor's position.</summary>
    public static int Compare(TgeEvent record, TgeEventCursor cursor)
    {
        var byTime = record.FirstSeenAt.UtcTicks.CompareTo(cursor.FirstSeenTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(record.TokenSlug, cursor.Slug);
    }

    public static int NewestFirst(TgeEvent left, TgeEvent right)
    {
        var byTime = right.FirstSeenAt.UtcTicks.CompareTo(left.FirstSeenAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(right.TokenSlug, left.TokenSlug);
    }

    public static TgeEventCursor CursorOf(TgeEvent record) => new(record.FirstSeenAt.UtcTicks, record.TokenSlug);

    private static bool MatchesToken(TgeEvent record, string token) =>
        string.Equals(record.TokenSlug, token, StringComparison.Ordinal)
        || (record.Symbol is not null && string.Equals(record.Symbol, token, StringComparison.OrdinalIgnoreCase));
}
