namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>Event ids of the TGE sources, their scrapers, the host guards and the performance grain: the block 5650-5699 (5600-5649 is the detection stages').</summary>
internal static class TgeSourceEventIds
{
    public const int SourceStarted = 5650;
    public const int SourcePaused = 5651;
    public const int SourceResumed = 5652;
    public const int SourceRemoved = 5653;
    public const int SourceFailing = 5654;
    public const int SourceRecovered = 5655;
    public const int SourceEmitted = 5656;
    public const int SourceBootstrapped = 5657;
    public const int SourceRecalled = 5658;
    public const int SourceTuned = 5659;
    public const int SourceRecallFailed = 5660;
    public const int SourceClaimed = 5661;
    public const int SourceReleased = 5662;
    public const int SourceTakenOver = 5663;

    public const int ScraperStarted = 5665;
    public const int ScraperStopped = 5666;
    public const int ScraperReclaimed = 5667;
    public const int ScraperReclaimFailed = 5668;

    public const int CircuitOpened = 5670;
    public const int CircuitHalfOpened = 5671;
    public const int CircuitClosed = 5672;
    public const int HostBlocked = 5673;
    public const int HostTuned = 5674;

    public const int PerformanceDecision = 5690;
    public const int PerformanceReadFailed = 5691;
    public const int PerformanceShareFailed = 5692;
}
