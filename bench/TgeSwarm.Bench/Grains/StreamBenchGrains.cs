namespace TgeSwarm.Bench.Grains;

public sealed class StreamBenchProducerGrain : Grain, IStreamBenchProducerGrain
{
    public const string Provider = "bench";
    public const string Namespace = "bench.stream";

    public const string PostgresProvider = "benchpg";
    public const string PostgresNamespace = "bench.pgstream";

    public async Task Produce(string provider, string streamNamespace, long consumerKey, int events, int batchSize)
    {
        var stream = this.GetStreamProvider(provider).GetStream<Trade>(StreamId.Create(streamNamespace, consumerKey));
        var batch = new Trade[batchSize];
        var time = new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);
        for (var sent = 0; sent < events; sent += batchSize)
        {
            for (var i = 0; i < batchSize; i++)
            {
                batch[i] = new Trade("BTC-USDT", 97_000.5m + i, 0.01m, sent + i, time, (i & 1) == 0);
            }

            if (batchSize == 1)
            {
                await stream.OnNextAsync(batch[0]);
            }
            else
            {
                // The stream copies the batch, so the producer may refill the same array.
                await stream.OnNextBatchAsync(batch);
            }
        }
    }

    public Task<string> Ping() => Task.FromResult(RuntimeIdentity);
}

[ImplicitStreamSubscription(StreamBenchProducerGrain.Namespace)]
public sealed class StreamBenchConsumerGrain(StreamBenchCounter counter) : Grain, IStreamBenchConsumerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        counter.CountAsync(this, StreamBenchProducerGrain.Provider, StreamBenchProducerGrain.Namespace);

    public Task<string> Ping() => Task.FromResult(RuntimeIdentity);
}

[ImplicitStreamSubscription(StreamBenchProducerGrain.PostgresNamespace)]
public sealed class PgStreamBenchConsumerGrain(StreamBenchCounter counter) : Grain, IPgStreamBenchConsumerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        counter.CountAsync(this, StreamBenchProducerGrain.PostgresProvider, StreamBenchProducerGrain.PostgresNamespace);

    public Task<string> Ping() => Task.FromResult(RuntimeIdentity);
}
