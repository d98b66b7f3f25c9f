namespace TgeSwarm.Feeds;

/// <summary>Bounds applied before any parsing.</summary>
public static class FeedLimits
{
    /// <summary>
    /// Frames above 4 MiB are rejected unread: the largest recorded frame is a Kraken depth-1000 snapshot of a few
    /// hundred KiB, so anything this big is a fault, not data.
    /// </summary>
    public const int MaxFrameBytes = 4 * 1024 * 1024;
}
