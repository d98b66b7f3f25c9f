namespace TgeSwarm.Grains.Market.Pipeline;

/// <summary>The pipeline's one time scale: UTC microseconds since the Unix epoch, as the feeds stamp events.</summary>
internal static class MarketClock
{
    public static long NowMicros(TimeProvider time) => (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
}
