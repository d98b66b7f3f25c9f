namespace TgeSwarm.Runtime.Client;

/// <summary>Event ids of the external client's log messages (range 600–649), in one place so they stay unique.</summary>
internal static class ClientEventIds
{
    public const int Starting = 600;
    public const int Started = 601;
    public const int Stopped = 602;
    public const int ConnectRoundFailed = 603;
    public const int GatewayConnected = 604;
    public const int GatewayLost = 605;
    public const int GatewayListRefreshFailed = 606;
    public const int GatewayListEmpty = 607;
    public const int NoGatewayReachable = 608;
    public const int ReconnectLoopStopped = 609;

    public const int CallTimedOut = 620;
    public const int LateResponse = 621;
    public const int UnexpectedRequest = 622;
    public const int MalformedFrame = 623;
    public const int TimeoutSweepStopped = 624;
    public const int OneWayFailed = 625;
    public const int Resent = 626;
}
