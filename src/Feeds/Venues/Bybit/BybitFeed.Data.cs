using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Bybit;

internal sealed partial class BybitFeed
{
    private static readonly TradeObjectFormat TradeFormat = new("s", "i", "p", "v", "S", "T", "Buy", TradeTimeFormat.UnixMilliseconds);

    private void ReadBook(ref Utf8JsonReader reader, bool isSnapshot, long timestamp)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        _bids.Clear();
        _asks.Clear();
        string? instrument = null;
        long? updateId = null;
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
                case 1: instrument = _symbols.Get(Json.GetRawString(ref reader)); break;
                case 2: Json.ReadLevelArrays(ref reader, _bids); break;
                case 3: Json.ReadLevelArrays(ref reader, _asks); break;
                case 4: updateId = Json.GetInt64(ref reader); break;
                default: Json.Skip(ref reader); break;
            }
        }

        if (instrument is null || updateId is null)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        ApplyBook(instrument, isSnapshot || updateId == 1, updateId.Value, timestamp);
    }

    private void ApplyBook(string instrument, bool isSnapshot, long updateId, long timestamp)
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
        else if (updateId != book.LastSequence + 1)
        {
            book.Clear();
            Statistics.Gaps++;
            RequireResync(instrument, "orderbook u does not follow the last u");
            return;
        }

        PriceLevel[] bids = [.. _bids];
        PriceLevel[] asks = [.. _asks];
        book.ApplyAll(bids, asks);
        book.LastSequence = updateId;
        EmitBook(instrument, timestamp, isSnapshot, bids, asks, book);
    }

    private void ReadTrades(ref Utf8JsonReader reader) => ReadTradeArray(ref reader, TradeFormat, _symbols);
}
