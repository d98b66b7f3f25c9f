using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Binance;

internal sealed partial class BinanceFeed
{
    private void ReadField(ref Utf8JsonReader reader, ref BinanceEventFields fields)
    {
        if (reader.ValueTextEquals("e"u8))
        {
            Json.Read(ref reader);
            var type = Json.GetRawString(ref reader);
            fields.Type = type.SequenceEqual("depthUpdate"u8) ? BinanceEventType.DepthUpdate
                : type.SequenceEqual("aggTrade"u8) ? BinanceEventType.AggTrade
                : type.SequenceEqual("trade"u8) ? BinanceEventType.Trade
                : type.SequenceEqual("kline"u8) ? BinanceEventType.Kline
                : BinanceEventType.Unknown;
            return;
        }

        var single = reader.ValueSpan.Length == 1 && !reader.ValueIsEscaped ? reader.ValueSpan[0] : (byte)0;
        Json.Read(ref reader);
        switch (single)
        {
            case (byte)'s':
                fields.Instrument = _symbols.Get(Json.GetRawString(ref reader));
                return;
            case (byte)'E':
                fields.EventTime = Json.GetInt64(ref reader);
                return;
            case (byte)'T':
                fields.TradeTime = Json.GetInt64(ref reader);
                return;
            case (byte)'U':
                fields.FirstId = Json.GetInt64(ref reader);
                return;
            case (byte)'u':
                fields.FinalId = Json.GetInt64(ref reader);
                fields.HasFinalId = true;
                return;
            case (byte)'p' when reader.TokenType == JsonTokenType.String:
                fields.Price = Json.GetDecimal(ref reader);
                return;
            case (byte)'q' when reader.TokenType == JsonTokenType.String:
                fields.Quantity = Json.GetDecimal(ref reader);
                return;
            case (byte)'m' when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                fields.BuyerIsMaker = reader.GetBoolean();
                return;
            case (byte)'a' when reader.TokenType == JsonTokenType.Number:
            case (byte)'t' when reader.TokenType == JsonTokenType.Number:
                fields.TradeId = Json.GetText(ref reader);
                return;
            case (byte)'a' when reader.TokenType == JsonTokenType.StartArray:
                Json.ReadLevelArrays(ref reader, _asks);
                fields.HasLevels = true;
                return;
            case (byte)'b' when reader.TokenType == JsonTokenType.StartArray:
                Json.ReadLevelArrays(ref reader, _bids);
                fields.HasLevels = true;
                return;
            default:
                Json.Skip(ref reader);
                return;
        }
    }
}
