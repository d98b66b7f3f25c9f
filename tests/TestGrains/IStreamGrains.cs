namespace TgeSwarm.TestGrains;

public interface IStreamProducerGrain : IGrainWithStringKey
{
    /// <summary>Sends events <paramref name="first"/>.. of this producer to the stream, <paramref name="batchSize"/> per call.</summary>
    Task Produce(string provider, string streamNamespace, string streamKey, int first, int count, int batchSize);

    /// <summary>Sends one event with the given sequence number (e.g. <see cref="StreamEvent.Poison"/>).</summary>
    Task ProduceOne(string provider, string streamNamespace, string streamKey, int sequence);
}

public interface IImplicitConsumerGrain : IGrainWithStringKey
{
    /// <summary>The silo hosting this activation.</summary>
    Task<string> GetRuntimeIdentity();
}

public interface ISilentConsumerGrain : IGrainWithStringKey
{
    Task<int> GetActivations();
}

public interface IExplicitConsumerGrain : IGrainWithStringKey
{
    /// <summary>Subscribes once more (per-event observer) and remembers the stream so a new activation resumes it.</summary>
    Task<Guid> Subscribe(string provider, string streamNamespace, string streamKey);

    Task<List<Guid>> GetHandles(string provider, string streamNamespace, string streamKey);

    Task UnsubscribeAll(string provider, string streamNamespace, string streamKey);

    /// <summary>Subscribing to the stream with a sequence token (memory streams refuse it).</summary>
    Task SubscribeFrom(string provider, string streamNamespace, string streamKey, long sequence);

    Task Deactivate();
}

public interface IPersistentConsumerGrain : IGrainWithStringKey
{
    Task<string> GetRuntimeIdentity();
}
