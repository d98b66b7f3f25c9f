using System.Runtime.InteropServices;
using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Okx;

internal sealed partial class OkxFeed
{
    private static readonly TradeObjectFormat TradeFormat = new("instId", "tradeId", "px", "sz", "side", "ts", "buy", TradeTimeFormat.UnixMilliseconds);

    // The reader is on the data array's start.
    private void ReadData(ref Utf8JsonReader reader, OkxChannel channel, long receivedAt)
    {
        if (channel == OkxChannel.Books)
        {
            ReadBooks(ref reader, receivedAt);
        }
        else if (channel == OkxChannel.Trades)
        {
            ReadTradeArray(ref reader, TradeFormat, _symbols);
        }
    }

    private void ReadBooks(ref Utf8JsonReader reader, long receivedAt)
    {
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FeedParseException(RejectReasons.Schema);
            }

            var message = new OkxBookMessage { Timestamp = receivedAt, BidStart = _bids.Count, AskStart = _asks.Count };
            while (true)
            {
                Json.Read(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (reader.ValueTextEquals("asks"u8))
                {
                    Json.Read(ref reader);
                    Json.ReadLevelArrays(ref reader, _asks);
                    continue;
                }

                if (reader.ValueTextEquals("bids"u8))
                {
                    Json.Read(ref reader);
                    Json.ReadLevelArrays(ref reader, _bids);
                    continue;
                }

                var field = reader.ValueTextEquals("ts"u8) ? 1 : reader.ValueTextEquals("checksum"u8) ? 2
                    : reader.ValueTextEquals("seqId"u8) ? 3 : reader.ValueTextEquals("prevSeqId"u8) ? 4 : 0;
                Json.Read(ref reader);
                switch (field)
                {
                    case 1:
                        message.Timestamp = Timestamps.FromMilliseconds(Json.GetInt64(ref reader));
                        break;
                    case 2:
                        message.Checksum = checked((int)Json.GetInt64(ref reader));
                        break;
                    case 3:
                        message.SeqId = Json.GetInt64(ref reader);
                        break;
                    case 4:
                        message.PrevSeqId = Json.GetInt64(ref reader);
                        break;
                    default:
                        Json.Skip(ref reader);
                        break;
                }
            }

            message.BidCount = _bids.Count - message.BidStart;
            message.AskCount = _asks.Count - message.AskStart;
            _bookMessages.Add(message);
        }
    }

    private void ApplyBooks(string instrument, bool isSnapshot)
    {
        foreach (var message in _bookMessages)
        {
            OnBook(instrument, isSnapshot, message);
        }
    }

    private void OnBook(string instrument, bool isSnapshot, OkxBookMessage message)
    {
        PriceLevel[] bids = [.. CollectionsMarshal.AsSpan(_bids).Slice(message.BidStart, message.BidCount)];
        PriceLevel[] asks = [.. CollectionsMarshal.AsSpan(_asks).Slice(message.AskStart, message.AskCount)];
        var outcome = _books.Apply(instrument, isSnapshot, message, bids, asks);
        switch (outcome)
        {
            case OkxBookKeeper.Outcome.Applied:
                if (message.Checksum is not null and not 0)
                {
                    Statistics.ChecksumOk++;
                }

                EmitBook(instrument, message.Timestamp, isSnapshot, bids, asks, _books.Books.Get(instrument));
                break;
            case OkxBookKeeper.Outcome.NotSynced:
                Statistics.Reject(RejectReasons.BookNotSynced);
                break;
            case OkxBookKeeper.Outcome.Gap:
                Statistics.Gaps++;
                RequireResync(instrument, "prevSeqId does not follow the last seqId");
                break;
            case OkxBookKeeper.Outcome.ChecksumMismatch:
                Statistics.ChecksumFailed++;
                RequireResync(instrument, "checksum mismatch");
                break;
        }
    }
}
