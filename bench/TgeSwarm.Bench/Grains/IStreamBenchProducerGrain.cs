namespace TgeSwarm.Bench.Grains;

public interface IStreamBenchProducerGrain : IGrainWithIntegerKey
{
    /// <summary>Sends <paramref name="events"/> trades to stream <c>bench.stream/consumerKey</c>, <paramref name="batchSize"/> per call.</summary>
    Task Produce(long consumerKey, int events, int batchSize);

    Task<string> Ping();
}

public interface IStreamBenchConsumerGrain : IGrainWithIntegerKey
{
    Task<string> Ping();
}
