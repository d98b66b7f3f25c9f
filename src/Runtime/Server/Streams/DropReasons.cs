namespace TgeSwarm.Runtime.Streams;

/// <summary>The <c>reason</c> tag of <c>swarm.streams.events.dropped</c>.</summary>
internal static class DropReasons
{
    /// <summary>The stream had no subscriber at all when the events were delivered (memory streams keep nothing).</summary>
    public const string NoSubscribers = "no_subscribers";

    /// <summary>The consumer had not attached a handler (an implicit subscriber that did not subscribe in OnActivateAsync, an explicit one not resumed).</summary>
    public const string NoHandler = "no_handler";

    /// <summary>The subscription was unsubscribed in this activation; events already on their way are discarded.</summary>
    public const string Unsubscribed = "unsubscribed";

    /// <summary>The observer threw for the event (memory streams go on with the next event).</summary>
    public const string ConsumerFailed = "consumer_failed";

    /// <summary>The delivery call itself failed: the consumer's silo died, the call timed out, its mailbox was full.</summary>
    public const string DeliveryFailed = "delivery_failed";

    /// <summary>The events were of another type than the handler's.</summary>
    public const string TypeMismatch = "type_mismatch";

    /// <summary>The silo stopped with the events still queued in memory, or before their consumer answered.</summary>
    public const string SiloStopping = "silo_stopping";

    /// <summary>A persistent stream gave up on the events after its delivery attempts and moved them to the dead-letter table.</summary>
    public const string DeadLettered = "dead_lettered";
}
