using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Connectors;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.Ingestion;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// One silo running the market pipeline's grains, fed the way ingestion feeds it: one source per recorded connection
/// parses its frames with the venue's feed and publishes what a flush gathered on <c>market.raw</c> through the
/// ingestion shard's own publisher (the socket is the only part of ingestion left out).
/// </summary>
internal sealed class GrainPipeline : IAsyncDisposable
{
    private readonly TestCluster _cluster;
    private readonly Dictionary<PipelineFrames.Connection, (IFeedConsumer Consumer, IVenueFeed Feed)> _sources = [];

    private GrainPipeline(TestCluster cluster)
    {
        _cluster = cluster;
        var services = cluster.Primary.ServiceProvider;
        Instruments = services.GetRequiredService<MarketInstruments>();
        Streams = services.GetRequiredService<IClusterClient>().GetStreamProvider(MarketStreamNames.Provider);
    }

    public MarketInstruments Instruments { get; }

    private IStreamProvider Streams { get; }

    public static async Task<GrainPipeline> StartAsync()
    {
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(static silo =>
        {
            silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg").AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(MarketStreamNames.Provider);
            silo.AddMarketPipeline();
            silo.Configure<MarketConsoleOptions>(static o => o.Period = TimeSpan.Zero);
            silo.Configure<MarketValidationOptions>(static o =>
            {
                o.MaxAge = null;
                o.MaxClockSkew = null;
            });
            silo.AddGrainAssembly(typeof(MarketSiloExtensions).Assembly);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainPipeline(cluster);
    }

    /// <summary>
    /// Feeds every connection concurrently, at <paramref name="framesPerSecond"/> overall (0: as fast as possible),
    /// and returns the time from the first frame until the stages went quiet.
    /// </summary>
    public async Task<TimeSpan> RunAsync(PipelineFrames frames, int framesPerBatch, double framesPerSecond, int instrumentCopies, FramePart part)
    {
        var total = frames.MeasuredFrames;
        var started = Stopwatch.GetTimestamp();
        var sources = frames.Connections.Select(connection => Task.Run(() => FeedAsync(
            connection, framesPerBatch, framesPerSecond <= 0 ? 0 : framesPerSecond * connection.MeasuredCount / total, instrumentCopies, started, part)));
        await Task.WhenAll(sources);
        var quietSince = await WaitUntilQuietAsync();
        return Stopwatch.GetElapsedTime(started, quietSince);
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    private async Task FeedAsync(PipelineFrames.Connection connection, int framesPerBatch, double framesPerSecond, int instrumentCopies, long started, FramePart part)
    {
        (IFeedConsumer Consumer, IVenueFeed Feed) source;
        lock (_sources)
        {
            // A connection keeps its feed (books, sequences) and publisher from the warm-up into the measured run.
            if (!_sources.TryGetValue(connection, out source))
            {
                var stream = Streams.GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Raw, VenueNames.Name(connection.Venue)));
                var publisher = new IngestionPublisher(connection.Venue, stream, Instruments);
                IFeedConsumer fanOut = instrumentCopies > 1 ? new InstrumentFanOut(publisher, instrumentCopies) : publisher;
                source = (fanOut, VenueFeeds.Create(connection.Venue, fanOut, connection.Address));
                _sources.Add(connection, source);
            }
        }

        var (consumer, feed) = source;
        var inBatch = 0;
        var sent = 0L;
        var (from, count) = connection.Range(part);
        // Indexed rather than over GetRange: a copy of up to 300 000 frames per connection went to the large-object heap and
        // brought gen 2 collections, and their pauses, into the measured run.
        for (var i = from; i < from + count; i++)
        {
            var frame = connection.Frames[i];
            if (frame.RestUrl is { } url)
            {
                // A REST body's book is stamped with its receive time (the venue sends none); 0 would fail validation.
                feed.OnRestResponse(url, frame.Data.Span, MarketClock.NowMicros(TimeProvider.System));
                continue;
            }

            if (framesPerSecond > 0)
            {
                // Paced: wait until this frame is due, flushing what is gathered first so nothing waits on the pacing.
                while (sent > Stopwatch.GetElapsedTime(started).TotalSeconds * framesPerSecond)
                {
                    await consumer.FlushAsync(CancellationToken.None);
                    inBatch = 0;
                    await Task.Delay(1);
                }
            }

            consumer.OnFrameReceived(MarketClock.NowMicros(TimeProvider.System));
            feed.OnFrame(frame.Data.Span, 0);
            sent++;
            if (++inBatch == framesPerBatch)
            {
                await consumer.FlushAsync(CancellationToken.None);
                inBatch = 0;
            }
        }

        await consumer.FlushAsync(CancellationToken.None);
    }

    // The stages have drained when no stage's count moved for a while; the run ends at the last move.
    private async Task<long> WaitUntilQuietAsync()
    {
        var last = Instruments.Totals();
        var lastChange = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(lastChange) < TimeSpan.FromMilliseconds(500))
        {
            await Task.Delay(5);
            var now = Instruments.Totals();
            if (!now.AsSpan().SequenceEqual(last))
            {
                last = now;
                lastChange = Stopwatch.GetTimestamp();
            }
        }

        return lastChange;
    }

    /// <summary>Spreads each instrument's events over copies of it (<c>BTC-USDT-C7</c>), for the many-instruments memory figure.</summary>
    private sealed class InstrumentFanOut(IFeedConsumer inner, int copies) : IFeedConsumer
    {
        private readonly Dictionary<string, string[]> _names = new(StringComparer.Ordinal);
        private long _next;

        public void OnFrameReceived(long receivedAtMicros) => inner.OnFrameReceived(receivedAtMicros);

        public ValueTask FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public void OnTrade(Trade trade) => inner.OnTrade(trade with { Instrument = Next(trade.Instrument) });

        public void OnBook(BookUpdate book) => inner.OnBook(book with { Instrument = Next(book.Instrument) });

        public void OnResyncRequired(string instrument, string reason) => inner.OnResyncRequired(instrument, reason);

        private string Next(string instrument)
        {
            if (!_names.TryGetValue(instrument, out var names))
            {
                names = [.. Enumerable.Range(0, copies).Select(i => $"{instrument}-C{i}")];
                _names.Add(instrument, names);
            }

            return names[_next++ % copies];
        }
    }
}
