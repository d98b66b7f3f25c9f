namespace TgeSwarm.Feeds.Connectors;

/// <summary>Event ids of the venue connectors' log messages, in one place so they stay unique and greppable.</summary>
internal static class ConnectorEventIds
{
    public const int Connecting = 8000;
    public const int Connected = 8001;
    public const int ConnectFailed = 8002;
    public const int Disconnected = 8003;
    public const int BackingOff = 8004;
    public const int Stopped = 8005;
    public const int ResyncRequested = 8010;
    public const int SnapshotFetchFailed = 8011;
    public const int OversizedFrame = 8012;
    public const int PingFailed = 8013;
    public const int CloseFailed = 8014;
}
