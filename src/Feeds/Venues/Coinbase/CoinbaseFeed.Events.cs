using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Coinbase;

internal sealed partial class CoinbaseFeed
{
    private static readonly TradeObjectFormat TradeFormat = new("product_id", "trade_id", "price", "size", "side", "time", "BUY", TradeTimeFormat.Iso8601);

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

            _bids.Clear();
            _asks.Clear();
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

            ApplyLevel2(instrument ?? throw new FeedParseException(RejectReasons.Schema), isSnapshot, time == 0 ? receivedAt : time);
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
                    case 4: newest = Math.Max(newest, Timestamps.FromIso8601(Json.GetRawString(ref reader))); break;
                    default: Json.Skip(ref reader); break;
                }
            }

            (bid ?? throw new FeedParseException(RejectReasons.Schema) ? _bids : _asks).Add(new PriceLevel(price, size));
        }
    }

    private void ApplyLevel2(string instrument, bool isSnapshot, long timestamp)
    {
        var book = _books.Get(instrument);
        if (isSnapshot)
        {
            book.Clear();
            book.IsSynced = true;
        }
        else if (!book.IsSynced)
        {
            Statistics.Reject(RejectReasons.BookNotSynced);
            return;
        }

        PriceLevel[] bids = [.. _bids];
        PriceLevel[] asks = [.. _asks];
        book.ApplyAll(bids, asks);
        EmitBook(instrument, timestamp, isSnapshot, bids, asks, book);
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
                    ReadTradeList(ref reader);
                }
                else
                {
                    Json.Skip(ref reader);
                }
            }
        }
    }

    private void ReadTradeList(ref Utf8JsonReader reader) => ReadTradeArray(ref reader, TradeFormat, _symbols);
}
