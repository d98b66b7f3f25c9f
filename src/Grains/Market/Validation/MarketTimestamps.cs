namespace TgeSwarm.Grains.Market.Validation;

/// <summary>What a market event time in UTC microseconds can plausibly be.</summary>
internal static class MarketTimestamps
{
    /// <summary>
    /// 2000-01-01T00:00:00Z in microseconds. Any crypto venue's event is later; an earlier value is a missing time
    /// (zero) or one in the wrong unit (milliseconds since 1970 read as microseconds land in January 1970).
    /// </summary>
    public const long MinPlausible = 946_684_800_000_000;

    public static long FromDateTimeOffset(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
