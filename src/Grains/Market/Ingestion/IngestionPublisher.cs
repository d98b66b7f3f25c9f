using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Connectors;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Ingestion;

/// <summary>
/// Gathers what the feed parsed from the frames read since the last flush and publishes it as one batch on
/// <c>market.raw</c>. The connector flushes when the socket has nothing more buffered, so batches grow under load
/// and stay one frame long when it is quiet; the await on the stream is the socket loop's backpressure. Driven by
/// the connector's single loop, never by a grain turn.
/// </summary>
internal sealed class IngestionPublisher(Venue venue, IAsyncStream<MarketBatch> stream, MarketInstruments instruments) : IFeedConsumer
{
    private readonly string _venueName = VenueNames.Name(venue);
    private readonly List<Trade> _trades = new(256);
    private readonly List<BookUpdate> _books = new(64);
    private long _firstReceivedAt;
    private int _frames;

    public void OnFrameReceived(long receivedAtMicros)
    {
        if (_frames == 0)
        {
            _firstReceivedAt = receivedAtMicros;
        }

        _frames++;
    }

    public void OnTrade(Trade trade) => _trades.Add(trade);

    public void OnBook(BookUpdate book) => _books.Add(book);

    // The connector resyncs (snapshot or resubscribe) and counts; the deltas in between were dropped by the feed.
    public void OnResyncRequired(string instrument, string reason)
    {
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_frames == 0)
        {
            return;
        }

        var batch = new MarketBatch(venue, [.. _trades], [.. _books], _firstReceivedAt, _frames);
        _trades.Clear();
        _books.Clear();
        _frames = 0;
        instruments.FramesRead(_venueName, batch.Frames);
        if (batch.Count == 0)
        {
            // Heartbeats, acknowledgements, stale diffs: read and counted, nothing to hand on.
            return;
        }

        instruments.Handled(MarketStages.Ingestion, _venueName, batch.Count);
        await stream.OnNextAsync(batch, cancellationToken: cancellationToken);
    }
}
