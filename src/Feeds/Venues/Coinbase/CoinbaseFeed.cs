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
/// </summary>
internal sealed partial class CoinbaseFeed(IMarketEventSink sink) : VenueFeedBase(Venue.Coinbase, sink)
{
    private readonly SymbolCache _symbols = new(static s => s.ToUpperInvariant());
    private readonly BookSet _books = new();
    private readonly List<PriceLevel> _bids = [];
    private readonly List<PriceLevel> _asks = [];
    private long _lastSequence = -1;

    internal BookSet Books => _books;

    protected override void ParseFrame(ReadOnlySpan<byte> frame, long receivedAt)
    {
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        Json.Expect(ref reader, JsonTokenType.StartObject);
        var channel = CoinbaseChannel.None;
        long? sequence = null;
        Utf8JsonReader events = default;
        var hasEvents = false;
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
                var name = Json.GetRawString(ref reader);
                channel = name.SequenceEqual("l2_data"u8) ? CoinbaseChannel.Level2
                    : name.SequenceEqual("market_trades"u8) ? CoinbaseChannel.Trades
                    : name.SequenceEqual("heartbeats"u8) || name.SequenceEqual("ticker"u8) || name.SequenceEqual("ticker_batch"u8)
                        || name.SequenceEqual("candles"u8) || name.SequenceEqual("subscriptions"u8) || name.SequenceEqual("status"u8) ? CoinbaseChannel.Other
                    : CoinbaseChannel.Unknown;
            }
            else if (reader.ValueTextEquals("sequence_num"u8))
            {
                Json.Read(ref reader);
                sequence = Json.GetInt64(ref reader);
            }
            else if (reader.ValueTextEquals("events"u8))
            {
                events = Json.CaptureArray(ref reader);
                hasEvents = true;
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

        CheckSequence(sequence);
        Statistics.CountType(channel.ToString());
        if (hasEvents && channel == CoinbaseChannel.Level2)
        {
            ReadLevel2(ref events, receivedAt);
        }
        else if (hasEvents && channel == CoinbaseChannel.Trades)
        {
            ReadTrades(ref events);
        }
    }

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
