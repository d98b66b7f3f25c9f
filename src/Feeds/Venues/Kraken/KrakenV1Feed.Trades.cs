using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Kraken;

internal sealed partial class KrakenV1Feed
{
    // [[price, volume, time, side "b"|"s", orderType, misc], …]; v1 trades carry no id.
    private void ReadTrades(ref Utf8JsonReader reader, string instrument)
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

            var price = Json.ReadDecimal(ref reader);
            var size = Json.ReadDecimal(ref reader);
            Json.Read(ref reader);
            var time = Timestamps.FromSecondsText(Json.GetRawString(ref reader));
            Json.Read(ref reader);
            var side = Json.GetRawString(ref reader);
            Json.SkipToArrayEnd(ref reader);
            Defer(new Trade(Venue, instrument, time, price, size,
                side.SequenceEqual("b"u8) ? TradeSide.Buy : side.SequenceEqual("s"u8) ? TradeSide.Sell : TradeSide.Unknown, string.Empty));
        }
    }
}
