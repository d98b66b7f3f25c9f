using System.Runtime.InteropServices;
using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Bybit;

internal sealed partial class BybitFeed
{
    private static readonly TradeObjectFormat TradeFormat = new("s", "i", "p", "v", "S", "T", "Buy", TradeTimeFormat.UnixMilliseconds);

    // The reader is on the data value: an object for orderbook, an array for publicTrade.
    private void ReadData(ref Utf8JsonReader reader, BybitTopic topic, ref BybitBookData book)
    {
        switch (topic)
        {
            case BybitTopic.OrderBook:
                ReadBook(ref reader, ref book);
                break;
            case BybitTopic.Trade:
                ReadTradeArray(ref reader, TradeFormat, _symbols);
                break;
            default:
                Json.Skip(ref reader);
                break;
        }
    }

    private void ReadBook(ref Utf8JsonReader reader, ref BybitBookData book)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        _bids.Clear();
        _asks.Clear();
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var field = reader.ValueTextEquals("s"u8) ? 1 : reader.ValueTextEquals("b"u8) ? 2 : reader.ValueTextEquals("a"u8) ? 3 : reader.ValueTextEquals("u"u8) ? 4 : 0;
            Json.Read(ref reader);
            switch (field)
            {
                case 1: book.Instrument = _symbols.Get(Json.GetRawString(ref reader)); break;
                case 2: Json.ReadLevelArrays(ref reader, _bids); break;
                case 3: Json.ReadLevelArrays(ref reader, _asks); break;
                case 4: book.UpdateId = Json.GetInt64(ref reader); break;
                default: Json.Skip(ref reader); break;
            }
        }
    }

    private void ApplyBook(BybitBookData data, bool isSnapshot, long timestamp)
    {
        if (data.Instrument is not { } instrument || data.UpdateId is not { } updateId)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        isSnapshot |= updateId == 1;
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
        else if (updateId != book.LastSequence + 1)
        {
            book.Clear();
            Statistics.Gaps++;
            RequireResync(instrument, "orderbook u does not follow the last u");
            return;
        }

        PriceLevel[] bids = [.. CollectionsMarshal.AsSpan(_bids)];
        PriceLevel[] asks = [.. CollectionsMarshal.AsSpan(_asks)];
        book.ApplyAll(bids.AsSpan(), asks.AsSpan());
        book.LastSequence = updateId;
        EmitBook(instrument, timestamp, isSnapshot, bids, asks, book);
    }
}
