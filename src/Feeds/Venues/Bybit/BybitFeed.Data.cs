using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Bybit;

internal sealed partial class BybitFeed
{
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
        Emit(new BookUpdate(Venue, instrument, timestamp, isSnapshot, bids, asks));
    }

    private void ReadTrades(ref Utf8JsonReader reader)
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

                var field = reader.ValueTextEquals("s"u8) ? 1 : reader.ValueTextEquals("i"u8) ? 2 : reader.ValueTextEquals("p"u8) ? 3
                    : reader.ValueTextEquals("v"u8) ? 4 : reader.ValueTextEquals("S"u8) ? 5 : reader.ValueTextEquals("T"u8) ? 6 : 0;
                Json.Read(ref reader);
                switch (field)
                {
                    case 1: instrument = _symbols.Get(Json.GetRawString(ref reader)); break;
                    case 2: id = Json.GetText(ref reader); break;
                    case 3: price = Json.GetDecimal(ref reader); break;
                    case 4: size = Json.GetDecimal(ref reader); break;
                    case 5: side = Json.GetRawString(ref reader).SequenceEqual("Buy"u8) ? TradeSide.Buy : TradeSide.Sell; break;
                    case 6: time = Timestamps.FromMilliseconds(Json.GetInt64(ref reader)); break;
                    default: Json.Skip(ref reader); break;
                }
            }

            Emit(new Trade(Venue, instrument ?? throw new FeedParseException(RejectReasons.Schema), time, price, size, side,
                id ?? throw new FeedParseException(RejectReasons.Schema)));
        }
    }
}
