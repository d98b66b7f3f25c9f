using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Classification;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// Issue 6's throughput figure: items per minute classified and deduplicated through the real path — items published
/// on <c>tge.raw</c> (32 sources, batches of 100), the intake and keyword grains, candidates on <c>tge.candidates</c>,
/// the event grains (clean, dedup, merge, state, in-memory store, notice on <c>tge.events</c>) — on one silo with
/// memory streams; the clock stops when the event grains have handled every candidate. Beside it, the bare
/// classifier over the same items in a loop on one thread.
/// </summary>
internal static class TgeThroughputBenchmark
{
    private const int BatchSize = 100;

    public static async Task RunAsync(BenchOptions options)
    {
        var count = options.Pick(20_000, 120_000);
        var warmUp = TgeBenchItems.Create(options.Pick(2_000, 10_000), roundOffset: 500);
        var items = TgeBenchItems.Create(count, roundOffset: 0);

        var classifier = TgeClassifier.CreateDefault();
        Classify(classifier, warmUp);
        var started = Stopwatch.GetTimestamp();
        var positives = Classify(classifier, items);
        var baseline = count / Stopwatch.GetElapsedTime(started).TotalMinutes;
        Report.Note($"tge_throughput: {count} items, {positives} classified as TGEs, {TgeBenchItems.Sources} sources");

        await using var cluster = await StartAsync();
        using var merged = new MergedCounter(cluster.Primary.ServiceProvider.GetRequiredService<TgeDetectionInstruments>().Meter);
        await RunAsync(cluster, merged, warmUp);
        var elapsed = await RunAsync(cluster, merged, items);
        var rate = count / elapsed.TotalMinutes;
        Report.Figure("tge.throughput.items_per_min", rate, "items/min");
        Report.Figure("tge.throughput.baseline_classifier_loop.items_per_min", baseline, "items/min");
        Report.Ratio("tge.throughput.ratio_to_baseline", rate, baseline);
    }

    private static int Classify(TgeClassifier classifier, TgeItem[] items)
    {
        var positives = 0;
        foreach (var item in items)
        {
            if (classifier.Classify(item.Title, item.Summary, item.Published).IsTge)
            {
                positives++;
            }
        }

        return positives;
    }

    private static async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(static silo =>
        {
            silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg").AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.Services.AddTgeDetection();
            silo.AddGrainAssembly(typeof(TgeDetectionExtensions).Assembly);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<TimeSpan> RunAsync(TestCluster cluster, MergedCounter merged, TgeItem[] items)
    {
        var streams = cluster.Client.GetStreamProvider(TgeStreamNames.Provider);
        var grains = cluster.GrainFactory;
        var sources = items.GroupBy(static item => item.SourceId).ToArray();
        var before = await CandidatesAsync(grains, sources);
        var mergedBefore = merged.Total;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(sources.Select(async source =>
        {
            var stream = streams.GetStream<TgeItem>(StreamId.Create(TgeStreamNames.Raw, source.Key));
            foreach (var batch in source.Chunk(BatchSize))
            {
                await stream.OnNextBatchAsync(batch);
            }
        }));

        // Done when every source's intake has seen its items and the event grains have handled every candidate (a
        // candidate forwarded from a name slug counts twice, so the test is "at least").
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 600);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var stats = await Task.WhenAll(sources.Select(source => grains.GetGrain<IKeywordIntakeGrain>(source.Key).GetStatisticsAsync(CancellationToken.None)));
            var candidates = stats.Sum(static s => s.Candidates) - before.Candidates;
            if (stats.Sum(static s => s.Items) - before.Items == items.Length && merged.Total - mergedBefore >= candidates)
            {
                return Stopwatch.GetElapsedTime(started);
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("tge_throughput: the pipeline did not finish within 10 minutes");
    }

    private static async Task<(long Items, long Candidates)> CandidatesAsync(IGrainFactory grains, IGrouping<string, TgeItem>[] sources)
    {
        var stats = await Task.WhenAll(sources.Select(source => grains.GetGrain<IKeywordIntakeGrain>(source.Key).GetStatisticsAsync(CancellationToken.None)));
        return (stats.Sum(static s => s.Items), stats.Sum(static s => s.Candidates));
    }

    /// <summary>Counts <c>tge.events.merged</c> (every candidate an event grain handled, whatever the outcome) of one silo.</summary>
    private sealed class MergedCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public MergedCounter(Meter meter)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "tge.events.merged")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
