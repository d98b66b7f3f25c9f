namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>Event ids of the TGE sources, host guards and performance grain: the block 5600-5649.</summary>
internal static class TgeSourceEventIds
{
    public const int SourceStarted = 5600;
    public const int SourcePaused = 5601;
    public const int SourceResumed = 5602;
    public const int SourceRemoved = 5603;
    public const int SourceFailing = 5604;
    public const int SourceRecovered = 5605;
    public const int SourceEmitted = 5606;
    public const int SourceBootstrapped = 5607;
    public const int SourceTuned = 5609;

    public const int CircuitOpened = 5620;
    public const int CircuitHalfOpened = 5621;
    public const int CircuitClosed = 5622;
    public const int HostBlocked = 5623;
    public const int HostTuned = 5624;

    public const int PerformanceDecision = 5640;
    public const int PerformanceSweepFailed = 5641;
}
