namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>Event ids of the local source server's log messages: the block 5400-5429.</summary>
internal static class SourceServerEventIds
{
    public const int Started = 5400;
    public const int Stopped = 5401;
    public const int Published = 5402;
    public const int FaultInjected = 5403;
    public const int NotFound = 5404;
    public const int SeedProblems = 5405;
    public const int ScheduleEnded = 5406;
    public const int FaultAdded = 5407;
    public const int FaultsCleared = 5408;
}
