namespace TgeSwarm.Runtime.Streams;

/// <summary>Event ids of the streaming runtime's log messages (900-949), in one place so they stay unique.</summary>
internal static class StreamEventIds
{
    public const int EventDroppedNoHandler = 900;
    public const int ConsumerFailed = 901;
    public const int DeliveryFailed = 902;
    public const int PubSubRefreshFailed = 903;
    public const int ProducerNotifyFailed = 904;
    public const int EventTypeMismatch = 905;
    public const int QueueRetired = 906;
    public const int PumpFailed = 907;
    public const int AgentStarted = 910;
    public const int AgentStopped = 911;
    public const int AgentFailed = 912;
    public const int DeliveryRetry = 913;
    public const int DeadLettered = 914;
    public const int Rewound = 915;
    public const int Trimmed = 916;
    public const int QueuesRebalanced = 918;
    public const int LagSampleFailed = 919;
}
