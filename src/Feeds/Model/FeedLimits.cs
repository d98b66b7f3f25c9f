namespace TgeSwarm.Feeds;

/// <summary>Bounds applied before any parsing.</summary>
public static class FeedLimits
{
    /// <summary>
    /// Frames above 16 MiB are rejected unread. The largest recorded frame is Coinbase's full level2 snapshot of
    /// BTC-USD, about 5 MB; three times that leaves room for a deeper book while a runaway frame is still caught.
    /// </summary>
    public const int MaxFrameBytes = 16 * 1024 * 1024;
}
