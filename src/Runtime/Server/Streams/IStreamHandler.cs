namespace TgeSwarm.Runtime.Streams;

/// <summary>An observer attached to one subscription in one activation, typed so the batch is handled without boxing.</summary>
internal interface IStreamHandler
{
    Type EventType { get; }

    /// <summary>Runs the batch through the observer; returns how many events failed (only when not stopping on error).</summary>
    Task<int> HandleAsync(StreamDeliveryRequest delivery, IStreamFailureSink failures);
}

/// <summary>Where a handler reports an event that failed while the batch goes on (memory streams).</summary>
internal interface IStreamFailureSink
{
    void OnEventFailed(StreamDeliveryRequest delivery, int index, Exception exception);
}
