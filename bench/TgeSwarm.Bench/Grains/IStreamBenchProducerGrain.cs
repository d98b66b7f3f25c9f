namespace TgeSwarm.Bench.Grains;

public interface IStreamBenchProducerGrain : IGrainWithIntegerKey
{
    /// <summary>Sends <paramref name="events"/> trades to stream <c>streamNamespace/consumerKey</c>, <paramref name="batchSize"/> per call.</summary>
    Task Produce(string provider, string streamNamespace, long consumerKey, int events, int batchSize);

    Task<string> Ping();
}

public interface IStreamBenchConsumerGrain : IGrainWithIntegerKey
{
    Task<string> Ping();
}

public interface IPgStreamBenchConsumerGrain : IGrainWithIntegerKey
{
    Task<string> Ping();
}
