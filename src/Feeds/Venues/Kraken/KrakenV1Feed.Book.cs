using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Kraken;

internal sealed partial class KrakenV1Feed
{
    private void OnBook(string instrument, ReadOnlySpan<byte> channel, KrakenV1BookMessage message, long receivedAt)
    {
        if (!Utf8Parser.TryParse(channel["book-".Length..], out int depth, out _) || depth <= 0)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        Statistics.CountType(message.IsSnapshot ? "book/snapshot" : "book/update");
        var book = _books.Get(instrument);
        if (message.IsSnapshot)
        {
            book.Clear();
            book.IsSynced = true;
        }
        else if (!book.IsSynced)
        {
            Statistics.Reject(RejectReasons.BookNotSynced);
            return;
        }

        PriceLevel[] bids = [.. CollectionsMarshal.AsSpan(_bids)];
        PriceLevel[] asks = [.. CollectionsMarshal.AsSpan(_asks)];
        book.ApplyAll(bids.AsSpan(), asks.AsSpan());
        book.Truncate(depth);
        if (message.Checksum is { } expected)
        {
            if (BookChecksums.Kraken(book) != expected)
            {
                Statistics.ChecksumFailed++;
                book.Clear();
                RequireResync(instrument, "checksum mismatch");
                return;
            }

            Statistics.ChecksumOk++;
        }

        EmitBook(instrument, message.Timestamp == 0 ? receivedAt : message.Timestamp, message.IsSnapshot, bids, asks, book);
    }

    private void ReadBookPayload(ref Utf8JsonReader reader, ref KrakenV1BookMessage message)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return;
            }

            var snapshotSide = reader.ValueTextEquals("as"u8) || reader.ValueTextEquals("bs"u8);
            var bid = reader.ValueTextEquals("bs"u8) || reader.ValueTextEquals("b"u8);
            var levels = snapshotSide || reader.ValueTextEquals("a"u8) || reader.ValueTextEquals("b"u8);
            var checksum = reader.ValueTextEquals("c"u8);
            Json.Read(ref reader);
            if (levels)
            {
                message.IsSnapshot |= snapshotSide;
                ReadLevels(ref reader, bid ? _bids : _asks, ref message);
            }
            else if (checksum)
            {
                message.Checksum = Utf8Parser.TryParse(Json.GetRawString(ref reader), out uint value, out _)
                    ? value
                    : throw new FeedParseException(RejectReasons.BadNumber);
            }
            else
            {
                Json.Skip(ref reader);
            }
        }
    }

    // [price, volume, "1618678135.123456"(, "r")]: the newest level time is the event time.
    private static void ReadLevels(ref Utf8JsonReader reader, List<PriceLevel> levels, ref KrakenV1BookMessage message)
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
            message.Timestamp = Math.Max(message.Timestamp, Timestamps.FromSecondsText(Json.GetRawString(ref reader)));
            Json.SkipToArrayEnd(ref reader);
            levels.Add(new PriceLevel(price, size));
        }
    }
}
