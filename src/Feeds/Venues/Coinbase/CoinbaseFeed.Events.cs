using System.Runtime.InteropServices;
using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Coinbase;

internal sealed partial class CoinbaseFeed
{
    private static readonly TradeObjectFormat TradeFormat = new("product_id", "trade_id", "price", "size", "side", "time", "BUY", TradeTimeFormat.Iso8601);

    // The levels of one event nearly all carry the same event_time: it is parsed once per distinct text.
    private readonly byte[] _lastTimeText = new byte[40];
    private int _lastTimeLength = -1;
    private long _lastTime;

    // The reader is on the events array's start.
    private void ReadEvents(ref Utf8JsonReader reader, CoinbaseChannel channel, long receivedAt)
    {
        if (channel == CoinbaseChannel.Level2)
        {
            ReadLevel2(ref reader, receivedAt);
        }
        else
        {
            ReadTrades(ref reader);
        }
    }

    // [{"type":"snapshot|update","product_id","updates":[{"side":"bid|offer","event_time","price_level","new_quantity"}]}]
    private void ReadLevel2(ref Utf8JsonReader reader, long receivedAt)
    {
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            var bidStart = _bids.Count;
            var askStart = _asks.Count;
            string? instrument = null;
            var isSnapshot = false;
            long time = 0;
            while (true)
            {
                Json.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var field = reader.ValueTextEquals("type"u8) ? 1 : reader.ValueTextEquals("product_id"u8) ? 2 : reader.ValueTextEquals("updates"u8) ? 3 : 0;
                Json.Read(ref reader);
                switch (field)
                {
                    case 1: isSnapshot = Json.GetRawString(ref reader).SequenceEqual("snapshot"u8); break;
                    case 2: instrument = _symbols.Get(Json.GetRawString(ref reader)); break;
                    case 3: time = ReadUpdates(ref reader); break;
                    default: Json.Skip(ref reader); break;
                }
            }

            _bookEvents.Add(new CoinbaseBookEvent(instrument ?? throw new FeedParseException(RejectReasons.Schema), isSnapshot, time == 0 ? receivedAt : time,
                bidStart, _bids.Count - bidStart, askStart, _asks.Count - askStart));
        }
    }

    private long ReadUpdates(ref Utf8JsonReader reader)
    {
        long newest = 0;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return newest;
            }

            bool? bid = null;
            decimal price = 0;
            decimal size = 0;
            while (true)
            {
                Json.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var field = reader.ValueTextEquals("side"u8) ? 1 : reader.ValueTextEquals("price_level"u8) ? 2
                    : reader.ValueTextEquals("new_quantity"u8) ? 3 : reader.ValueTextEquals("event_time"u8) ? 4 : 0;
                Json.Read(ref reader);
                switch (field)
                {
                    case 1: bid = Json.GetRawString(ref reader).SequenceEqual("bid"u8); break;
                    case 2: price = Json.GetDecimal(ref reader); break;
                    case 3: size = Json.GetDecimal(ref reader); break;
                    case 4: newest = Math.Max(newest, EventTime(Json.GetRawString(ref reader))); break;
                    default: Json.Skip(ref reader); break;
                }
            }

            (bid ?? throw new FeedParseException(RejectReasons.Schema) ? _bids : _asks).Add(new PriceLevel(price, size));
        }
    }

    private long EventTime(ReadOnlySpan<byte> text)
    {
        if (_lastTimeLength >= 0 && text.SequenceEqual(_lastTimeText.AsSpan(0, _lastTimeLength)))
        {
            return _lastTime;
        }

        var time = Timestamps.FromIso8601(text);
        if (text.TryCopyTo(_lastTimeText))
        {
            _lastTime = time;
            _lastTimeLength = text.Length;
        }

        return time;
    }

    private void ApplyBookEvents()
    {
        var bids = CollectionsMarshal.AsSpan(_bids);
        var asks = CollectionsMarshal.AsSpan(_asks);
        foreach (var update in _bookEvents)
        {
            var book = _books.Get(update.Instrument);
            if (update.IsSnapshot)
            {
                book.Clear();
                book.IsSynced = true;
            }
            else if (!book.IsSynced)
            {
                Statistics.Reject(RejectReasons.BookNotSynced);
                continue;
            }

            PriceLevel[] bidLevels = [.. bids.Slice(update.BidStart, update.BidCount)];
            PriceLevel[] askLevels = [.. asks.Slice(update.AskStart, update.AskCount)];
            book.ApplyAll(bidLevels.AsSpan(), askLevels.AsSpan());
            EmitBook(update.Instrument, update.Timestamp, update.IsSnapshot, bidLevels, askLevels, book);
        }
    }

    // [{"type":"snapshot|update","trades":[{"product_id","trade_id","price","size","time","side":"BUY|SELL"}]}]
    private void ReadTrades(ref Utf8JsonReader reader)
    {
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            while (true)
            {
                Json.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var trades = reader.ValueTextEquals("trades"u8);
                Json.Read(ref reader);
                if (trades)
                {
                    ReadTradeArray(ref reader, TradeFormat, _symbols);
                }
                else
                {
                    Json.Skip(ref reader);
                }
            }
        }
    }
}
