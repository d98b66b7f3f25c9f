using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Bench.Baselines;
using TgeSwarm.Bench.Grains;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Streams;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Issue 4's memory-stream figure: events/s from one producer grain to an implicit consumer grain on the same silo
/// and on another silo, with batches of 1, 100 and 1000 trades, beside a bounded <c>Channel&lt;T&gt;</c> carrying the
/// same batches in the same run.
/// </summary>
internal static class MemoryStreamBenchmark
{
    private static readonly int[] BatchSizes = [1, 100, 1000];

    public static async Task RunAsync(BenchOptions options)
    {
        var counter = new StreamBenchCounter();
        var builder = new TestClusterBuilder(2);
        builder.ConfigureSilo(silo =>
        {
            silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg").AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.Services.AddSingleton(counter);
            silo.AddMemoryStreams(StreamBenchProducerGrain.Provider);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var producerSilo = cluster.Silos[0];
            var directory = producerSilo.ServiceProvider.GetRequiredService<GrainDirectory>();
            var client = producerSilo.ServiceProvider.GetRequiredService<IClusterClient>();
            var maxQueued = new MemoryStreamOptions().MaxQueuedEvents;
            long OwnedBy(SiloHandle silo, string type, long from) =>
                Enumerable.Range((int)from, 100_000).First(k => silo.SiloAddress.Equals(directory.OwnerOf(GrainId.Create(type, (long)k))));

            var producer = client.GetGrain<IStreamBenchProducerGrain>(OwnedBy(producerSilo, "streambenchproducer", 0));
            var producerHost = await producer.Ping();
            if (!producerHost.Contains(producerSilo.SiloAddress.ToString(), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The producer landed on {producerHost}, not {producerSilo.SiloAddress}; the figures would be wrong.");
            }

            foreach (var (placement, consumerSilo) in new[] { ("same_silo", cluster.Silos[0]), ("cross_silo", cluster.Silos[1]) })
            {
                var consumerKey = OwnedBy(consumerSilo, "streambenchconsumer", placement == "same_silo" ? 0 : 50_000);
                var host = await client.GetGrain<IStreamBenchConsumerGrain>(consumerKey).Ping();
                if (!host.Contains(consumerSilo.SiloAddress.ToString(), StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The {placement} consumer landed on {host}; the figure would be wrong.");
                }

                foreach (var batchSize in BatchSizes)
                {
                    var events = batchSize == 1 ? options.Pick(50_000, 300_000) : options.Pick(500_000, 3_000_000);
                    await RunStreamAsync(producer, counter, consumerKey, events / 5, batchSize);
                    await ChannelBatches.EventsPerSecondAsync(events / 5, batchSize, maxQueued);
                    var stream = 0.0;
                    var baseline = 0.0;
                    for (var round = 0; round < options.Pick(1, 3); round++)
                    {
                        stream = Math.Max(stream, await RunStreamAsync(producer, counter, consumerKey, events, batchSize));
                        baseline = Math.Max(baseline, await ChannelBatches.EventsPerSecondAsync(events, batchSize, maxQueued));
                    }

                    Report.Figure($"memory_stream.{placement}.batch{batchSize}.events_per_s", stream, "events/s");
                    Report.Figure($"memory_stream.baseline_channel.batch{batchSize}.events_per_s", baseline, "events/s");
                    Report.Ratio($"memory_stream.{placement}.batch{batchSize}.ratio_to_baseline", stream, baseline);
                }
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static async Task<double> RunStreamAsync(IStreamBenchProducerGrain producer, StreamBenchCounter counter, long consumerKey, int events, int batchSize)
    {
        var done = counter.Expect(events);
        var started = Stopwatch.GetTimestamp();
        await producer.Produce(StreamBenchProducerGrain.Provider, StreamBenchProducerGrain.Namespace, consumerKey, events, batchSize);
        await done.WaitAsync(TimeSpan.FromMinutes(2));
        return events / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
