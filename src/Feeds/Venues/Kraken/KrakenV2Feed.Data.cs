using System.Buffers.Text;
using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Kraken;

internal sealed partial class KrakenV2Feed
{
    private static readonly TradeObjectFormat TradeFormat = new("symbol", "trade_id", "price", "qty", "side", "timestamp", "buy", TradeTimeFormat.Iso8601);

    // [{"symbol","bids":[{"price","qty"}],"asks":[…],"checksum","timestamp"}]
    private void ReadBooks(ref Utf8JsonReader reader, bool isSnapshot, long receivedAt)
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
            uint? checksum = null;
            var timestamp = receivedAt;
            while (true)
            {
                Json.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var field = reader.ValueTextEquals("symbol"u8) ? 1 : reader.ValueTextEquals("bids"u8) ? 2 : reader.ValueTextEquals("asks"u8) ? 3
                    : reader.ValueTextEquals("checksum"u8) ? 4 : reader.ValueTextEquals("timestamp"u8) ? 5 : 0;
                Json.Read(ref reader);
                switch (field)
                {
                    case 1: instrument = _symbols.Get(Json.GetRawString(ref reader)); break;
                    case 2: ReadLevels(ref reader, _bids); break;
                    case 3: ReadLevels(ref reader, _asks); break;
                    case 4:
                        checksum = reader.TokenType == JsonTokenType.Number && Utf8Parser.TryParse(reader.ValueSpan, out uint value, out _)
                            ? value
                            : throw new FeedParseException(RejectReasons.BadNumber);
                        break;
                    case 5: timestamp = Timestamps.FromIso8601(Json.GetRawString(ref reader)); break;
                    default: Json.Skip(ref reader); break;
                }
            }

            ApplyBook(instrument ?? throw new FeedParseException(RejectReasons.Schema), isSnapshot, checksum, timestamp);
        }
    }

    private static void ReadLevels(ref Utf8JsonReader reader, List<PriceLevel> levels)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            decimal? price = null;
            decimal? size = null;
            while (true)
            {
                Json.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var field = reader.ValueTextEquals("price"u8) ? 1 : reader.ValueTextEquals("qty"u8) ? 2 : 0;
                Json.Read(ref reader);
                switch (field)
                {
                    case 1: price = Json.GetDecimal(ref reader); break;
                    case 2: size = Json.GetDecimal(ref reader); break;
                    default: Json.Skip(ref reader); break;
                }
            }

            levels.Add(new PriceLevel(price ?? throw new FeedParseException(RejectReasons.Schema), size ?? throw new FeedParseException(RejectReasons.Schema)));
        }
    }

    // [{"symbol","side":"buy|sell","price","qty","ord_type","trade_id","timestamp"}]
    private void ReadTrades(ref Utf8JsonReader reader)
    {
        ReadTradeArray(ref reader, TradeFormat, _symbols);
        EmitDeferred();
    }
}
