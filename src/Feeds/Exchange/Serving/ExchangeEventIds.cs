namespace TgeSwarm.Feeds.Exchange.Serving;

/// <summary>Event ids of the replay exchange's log messages: the block 5300-5329.</summary>
internal static class ExchangeEventIds
{
    public const int Started = 5300;
    public const int Stopped = 5301;
    public const int ConnectionOpened = 5302;
    public const int ReplayStarted = 5303;
    public const int SubscribeMismatch = 5304;
    public const int SubscribeTimeout = 5305;
    public const int ConnectionClosed = 5306;
    public const int FaultInjected = 5307;
    public const int NotFound = 5308;
    public const int LateSubscription = 5309;
    public const int ClientMessageIgnored = 5310;
    public const int ConnectionFailed = 5311;
    public const int RecordingEnded = 5312;
    public const int PingUnanswered = 5313;
}
