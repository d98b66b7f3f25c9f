using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TgeSwarm.Bench.Baselines;
using TgeSwarm.Bench.Grains;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Streams;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Issue 4's PostgreSQL-stream figures, end to end through the runtime: 8 producer grains write batches of 100 or
/// 1000 trades (one row each) to 8 streams; the pulling agents deliver them to implicit consumer grains and
/// acknowledge them. Events/s counts the time until every event was handled and every queue acknowledged to its
/// head. Then a steady load at a fixed rate, sampling the subscriptions' lag. Baseline in the same run: raw Npgsql
/// inserting and reading the same batches (<see cref="RawNpgsqlQueue"/>). Needs <c>TGESWARM_TEST_POSTGRES</c>;
/// works in a schema of its own, dropped afterwards.
/// </summary>
internal static class PostgresStreamBenchmark
{
    private const int Producers = 8;

    public static async Task RunAsync(BenchOptions options)
    {
        var connectionString = Environment.GetEnvironmentVariable("TGESWARM_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("postgres_stream: skipped: TGESWARM_TEST_POSTGRES is not set (an Npgsql connection string)");
            Report.Figure("postgres_stream.skipped", 1, "flag");
            return;
        }

        var schema = $"bench_pgs_{Guid.NewGuid():N}";
        await using var admin = NpgsqlDataSource.Create(connectionString);
        await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
        try
        {
            var scoped = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString;
            await RunInClusterAsync(scoped, options);
        }
        finally
        {
            await admin.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE").ExecuteNonQueryAsync();
        }
    }

    private static async Task RunInClusterAsync(string connectionString, BenchOptions options)
    {
        var counter = new StreamBenchCounter();
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg").AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.Services.AddSingleton(counter);
            silo.AddPostgresStreams(StreamBenchProducerGrain.PostgresProvider, connectionString, o => o.PollInterval = TimeSpan.FromMilliseconds(10));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var services = cluster.Primary.ServiceProvider;
            var storage = services.GetServices<IStreamQueueStorage>().Single();
            var client = services.GetRequiredService<IClusterClient>();
            var producers = Enumerable.Range(0, Producers).Select(i => client.GetGrain<IStreamBenchProducerGrain>(i)).ToArray();
            foreach (var batchSize in new[] { 100, 1000 })
            {
                var events = options.Pick(100_000, 400_000);
                await RunOnceAsync(producers, counter, storage, events / 4, batchSize);
                var stream = 0.0;
                var baseline = 0.0;
                for (var round = 0; round < options.Pick(1, 3); round++)
                {
                    stream = Math.Max(stream, await RunOnceAsync(producers, counter, storage, events, batchSize));
                    baseline = Math.Max(baseline, (await RawNpgsqlQueue.RunAsync(connectionString, batchSize, options)).AcknowledgedPerSecond);
                }

                Report.Figure($"postgres_stream.batch{batchSize}.events_per_s", stream, "events/s");
                Report.Figure($"postgres_stream.baseline_npgsql.batch{batchSize}.events_per_s", baseline, "events/s");
                Report.Ratio($"postgres_stream.batch{batchSize}.ratio_to_baseline", stream, baseline);
            }

            await SteadyLoadAsync(producers, counter, storage, options);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Events/s from the first produce until every event was handled and every queue acknowledged to its head.</summary>
    private static async Task<double> RunOnceAsync(IStreamBenchProducerGrain[] producers, StreamBenchCounter counter, IStreamQueueStorage storage, int events, int batchSize)
    {
        var perProducer = events / producers.Length / batchSize * batchSize;
        var total = perProducer * producers.Length;
        var handled = counter.Expect(total);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(producers.Select((p, i) => p.Produce(StreamBenchProducerGrain.PostgresProvider, StreamBenchProducerGrain.PostgresNamespace, i, perProducer, batchSize)));
        await handled.WaitAsync(TimeSpan.FromMinutes(5));
        await AcknowledgedAsync(storage);
        return total / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task AcknowledgedAsync(IStreamQueueStorage storage)
    {
        for (var queue = 0; queue < storage.Settings.QueueCount; queue++)
        {
            var head = await storage.GetHeadAsync(queue, CancellationToken.None);
            var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
            while (await storage.GetCheckpointAsync(queue, CancellationToken.None) < head)
            {
                if (Stopwatch.GetTimestamp() > deadline)
                {
                    throw new TimeoutException($"Queue {queue} was not acknowledged up to {head} within a minute.");
                }

                await Task.Delay(5);
            }
        }
    }

    /// <summary>A fixed rate of batches of 100 for a few seconds; the subscriptions' pending events sampled meanwhile.</summary>
    private static async Task SteadyLoadAsync(IStreamBenchProducerGrain[] producers, StreamBenchCounter counter, IStreamQueueStorage storage, BenchOptions options)
    {
        const int BatchSize = 100;
        const int RatePerSecond = 20_000;
        var duration = options.Pick(2, 5);
        var total = RatePerSecond * duration / BatchSize / producers.Length * BatchSize * producers.Length;
        var handled = counter.Expect(total);
        var samples = new List<long>();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var lag = await storage.GetLagAsync(CancellationToken.None);
                samples.Add(lag.Sum(static l => l.PendingEvents));
                await Task.Delay(100, CancellationToken.None);
            }
        });

        var started = Stopwatch.GetTimestamp();
        var tickMs = 1000.0 * BatchSize * producers.Length / RatePerSecond;
        for (var tick = 0; tick < total / BatchSize / producers.Length; tick++)
        {
            await Task.WhenAll(producers.Select((p, i) => p.Produce(StreamBenchProducerGrain.PostgresProvider, StreamBenchProducerGrain.PostgresNamespace, i, BatchSize, BatchSize)));
            var due = started + (long)((tick + 1) * tickMs * Stopwatch.Frequency / 1000);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }
        }

        await handled.WaitAsync(TimeSpan.FromMinutes(2));
        var achieved = total / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        samples.Sort();
        Report.Figure("postgres_stream.steady.offered_events_per_s", RatePerSecond, "events/s");
        Report.Figure("postgres_stream.steady.handled_events_per_s", achieved, "events/s");
        Report.Figure("postgres_stream.steady.lag_p50_events", samples.Count == 0 ? 0 : samples[samples.Count / 2], "events");
        Report.Figure("postgres_stream.steady.lag_max_events", samples.Count == 0 ? 0 : samples[^1], "events");
    }
}
