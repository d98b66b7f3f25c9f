using System.Text.Json;

namespace TgeSwarm.Feeds.Parsing;

internal abstract partial class VenueFeedBase
{
    /// <summary>
    /// Reads a JSON array of flat trade objects (the reader is on its <c>StartArray</c>) and defers each trade
    /// (<see cref="EmitDeferred"/>); a trade without an instrument or id is a schema error.
    /// </summary>
    protected void ReadTradeArray(ref Utf8JsonReader reader, TradeObjectFormat format, SymbolCache symbols)
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

            string? instrument = null;
            string? id = null;
            decimal price = 0;
            decimal size = 0;
            long time = 0;
            var side = TradeSide.Unknown;
            while (true)
            {
                Json.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var field = reader.ValueTextEquals(format.Instrument) ? 1 : reader.ValueTextEquals(format.Id) ? 2 : reader.ValueTextEquals(format.Price) ? 3
                    : reader.ValueTextEquals(format.Size) ? 4 : reader.ValueTextEquals(format.Side) ? 5 : reader.ValueTextEquals(format.Time) ? 6 : 0;
                Json.Read(ref reader);
                switch (field)
                {
                    case 1: instrument = symbols.Get(Json.GetRawString(ref reader)); break;
                    case 2: id = Json.GetText(ref reader); break;
                    case 3: price = Json.GetDecimal(ref reader); break;
                    case 4: size = Json.GetDecimal(ref reader); break;
                    case 5: side = Json.GetRawString(ref reader).SequenceEqual(format.BuySide) ? TradeSide.Buy : TradeSide.Sell; break;
                    case 6: time = ReadTradeTime(ref reader, format.TimeFormat); break;
                    default: Json.Skip(ref reader); break;
                }
            }

            Defer(new Trade(Venue, instrument ?? throw new FeedParseException(RejectReasons.Schema), time, price, size, side,
                id ?? throw new FeedParseException(RejectReasons.Schema)));
        }
    }

    private static long ReadTradeTime(ref Utf8JsonReader reader, TradeTimeFormat format) => format == TradeTimeFormat.Iso8601
        ? Timestamps.FromIso8601(Json.GetRawString(ref reader))
        : Timestamps.FromMilliseconds(Json.GetInt64(ref reader));
}
