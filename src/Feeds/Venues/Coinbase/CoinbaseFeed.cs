using System.Text.Json;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Coinbase;

/// <summary>
/// Coinbase Advanced Trade: <c>{"channel","timestamp","sequence_num","events":[…]}</c>. <c>sequence_num</c> counts
/// every message of the connection across channels, so any break invalidates every book of the connection (the
/// connector resubscribes <c>level2</c> for a new snapshot). <c>l2_data</c> snapshot/update events carry absolute
/// <c>new_quantity</c> per level (sides <c>bid</c>/<c>offer</c>); <c>market_trades</c> → trades, including the
/// snapshot of recent trades sent on subscribe (dedup by trade id is downstream's job). Heartbeats, tickers,
/// candles and subscription acks are counted only.
/// <para>
/// Coinbase sends <c>channel</c> first, so <c>events</c> is normally read where it stands, in the one pass over
/// the frame (a level2 snapshot is megabytes: reading it twice would double the cost of the feed); if it comes
/// before the channel it is read afterwards from a saved reader. <c>l2_data</c> frames of the usual shape take a
/// faster route still (<c>CoinbaseFeed.Scan.cs</c>). Either way the events are applied and emitted only
/// once the whole frame has been read and its sequence number checked, so a frame rejected at its end changes no
/// book and emits nothing.
/// </para>
/// </summary>
internal sealed partial class CoinbaseFeed(IMarketEventSink sink) : VenueFeedBase(Venue.Coinbase, sink)
{
    private readonly SymbolCache _symbols = new(static s => s.ToUpperInvariant());
    private readonly BookSet _books = new();
    private readonly List<PriceLevel> _bids = [];
    private readonly List<PriceLevel> _asks = [];
    private readonly List<CoinbaseBookEvent> _bookEvents = [];
    private long _lastSequence = -1;

    internal BookSet Books => _books;

    protected override void ParseFrame(ReadOnlySpan<byte> frame, long receivedAt)
    {
        _bids.Clear();
        _asks.Clear();
        _bookEvents.Clear();
        if (TryScanLevel2(frame, receivedAt, out var scannedSequence))
        {
            Finish(CoinbaseChannel.Level2, scannedSequence);
            return;
        }

        _bids.Clear();
        _asks.Clear();
        _bookEvents.Clear();
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        Json.Expect(ref reader, JsonTokenType.StartObject);
        var channel = CoinbaseChannel.None;
        long? sequence = null;
        Utf8JsonReader events = default;
        var eventsLater = false;
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.ValueTextEquals("channel"u8))
            {
                Json.Read(ref reader);
                channel = Channel(Json.GetRawString(ref reader));
            }
            else if (reader.ValueTextEquals("sequence_num"u8))
            {
                Json.Read(ref reader);
                sequence = Json.GetInt64(ref reader);
            }
            else if (reader.ValueTextEquals("events"u8) && channel is CoinbaseChannel.Level2 or CoinbaseChannel.Trades)
            {
                Json.Expect(ref reader, JsonTokenType.StartArray);
                ReadEvents(ref reader, channel, receivedAt);
            }
            else if (reader.ValueTextEquals("events"u8) && channel == CoinbaseChannel.None)
            {
                events = Json.CaptureArray(ref reader);
                eventsLater = true;
            }
            else
            {
                Json.SkipValue(ref reader);
            }
        }

        if (channel is CoinbaseChannel.None or CoinbaseChannel.Unknown)
        {
            Statistics.Reject(RejectReasons.UnknownType);
            return;
        }

        if (eventsLater && channel is CoinbaseChannel.Level2 or CoinbaseChannel.Trades)
        {
            ReadEvents(ref events, channel, receivedAt);
        }

        Finish(channel, sequence);
    }

    // What is read was only gathered; it takes effect once the frame has been read to its end.
    private void Finish(CoinbaseChannel channel, long? sequence)
    {
        CheckSequence(sequence);
        Statistics.CountType(channel.ToString());
        ApplyBookEvents();
        EmitDeferred();
    }

    private static CoinbaseChannel Channel(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("l2_data"u8) ? CoinbaseChannel.Level2
        : name.SequenceEqual("market_trades"u8) ? CoinbaseChannel.Trades
        : name.SequenceEqual("heartbeats"u8) || name.SequenceEqual("ticker"u8) || name.SequenceEqual("ticker_batch"u8)
            || name.SequenceEqual("candles"u8) || name.SequenceEqual("subscriptions"u8) || name.SequenceEqual("status"u8) ? CoinbaseChannel.Other
        : CoinbaseChannel.Unknown;

    private void CheckSequence(long? sequence)
    {
        if (sequence is not { } current)
        {
            return;
        }

        if (_lastSequence >= 0 && current != _lastSequence + 1)
        {
            Statistics.Gaps++;
            foreach (var (instrument, book) in _books.All)
            {
                if (book.IsSynced)
                {
                    book.Clear();
                    RequireResync(instrument, "sequence_num gap on the connection");
                }
            }
        }

        _lastSequence = current;
    }
}
