namespace TgeSwarm.Grains.Tge;

/// <summary>
/// Log event ids of the keyword stage, the event grains and the alerts (5600–5649), kept in one place so a new
/// message never reuses an id another file took.
/// </summary>
internal static class TgeDetectionEventIds
{
    public const int KeywordBatchFailed = 5600;
    public const int KeywordNotAdded = 5601;

    public const int EventRejected = 5610;
    public const int EventCreated = 5611;
    public const int EventUpdated = 5612;
    public const int EventForwarded = 5613;
    public const int EventSightingsFull = 5614;
    public const int EventSightingDropped = 5615;
    public const int EventAbsorbed = 5616;
    public const int EventHandedOver = 5617;

    public const int WebhookDelivered = 5630;
    public const int WebhookRetrying = 5631;
    public const int WebhookGivenUp = 5632;
    public const int WebhookRefused = 5633;
    public const int WebhookDropped = 5634;
    public const int WebhookAbandoned = 5635;
    public const int OutboxLeaseLost = 5636;
    public const int OutboxFailed = 5637;
    public const int OutboxStopped = 5638;
    public const int OutboxPumpEnded = 5639;
    public const int OutboxUnconfiguredRows = 5640;
}
