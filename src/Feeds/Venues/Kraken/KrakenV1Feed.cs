using System.Text.Json;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Kraken;

/// <summary>
/// Kraken WS v1 (the recording's protocol). Data frames are arrays <c>[channelID, payload…, "book-1000", "XBT/CHF"]</c>
/// whose channel name and pair come last, so payload positions are saved and read once those are known; a book
/// update may carry asks and bids as two payload objects, the checksum (<c>"c"</c>) in the last. Event objects
/// (<c>heartbeat</c>, <c>systemStatus</c>, <c>subscriptionStatus</c>) are counted only. Books are truncated to the
/// subscribed depth after every message and checked against Kraken's CRC32; a mismatch drops the book until the
/// next snapshot.
/// </summary>
internal sealed partial class KrakenV1Feed(IMarketEventSink sink) : VenueFeedBase(Venue.KrakenV1, sink)
{
    private readonly SymbolCache _symbols = new(InstrumentNames.FromSlashed);
    private readonly BookSet _books = new();
    private readonly List<PriceLevel> _bids = [];
    private readonly List<PriceLevel> _asks = [];

    internal BookSet Books => _books;

    protected override void ParseFrame(ReadOnlySpan<byte> frame, long receivedAt)
    {
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        Json.Read(ref reader);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            OnEvent(ref reader);
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FeedParseException(RejectReasons.UnknownType);
        }

        Json.SkipValue(ref reader);
        var payloads = 0;
        var first = default(Utf8JsonReader);
        var second = default(Utf8JsonReader);
        ReadOnlySpan<byte> channel = default;
        ReadOnlySpan<byte> pair = default;
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                // The value lives in the frame (no escapes allowed), so it is sliced from there.
                channel = pair;
                pair = frame.Slice(checked((int)reader.TokenStartIndex + 1), Json.GetRawString(ref reader).Length);
                continue;
            }

            if (payloads == 0)
            {
                first = reader;
            }
            else
            {
                second = reader;
            }

            payloads++;
            Json.Skip(ref reader);
        }

        if (payloads == 0 || channel.IsEmpty || pair.IsEmpty)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        var instrument = _symbols.Get(pair);
        if (channel.StartsWith("book-"u8))
        {
            OnBook(ref first, ref second, payloads, instrument, channel, receivedAt);
        }
        else if (channel.SequenceEqual("trade"u8))
        {
            Statistics.CountType("trade");
            ReadTrades(ref first, instrument);
        }
        else if (channel.SequenceEqual("ticker"u8) || channel.SequenceEqual("spread"u8) || channel.StartsWith("ohlc"u8))
        {
            Statistics.CountType("ticker");
        }
        else
        {
            Statistics.Reject(RejectReasons.UnknownType);
        }
    }

    // {"event":"heartbeat|systemStatus|subscriptionStatus|pong", …}
    private void OnEvent(ref Utf8JsonReader reader)
    {
        var known = false;
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var isEvent = reader.ValueTextEquals("event"u8);
            Json.Read(ref reader);
            if (isEvent && reader.TokenType == JsonTokenType.String)
            {
                known = reader.ValueTextEquals("heartbeat"u8) || reader.ValueTextEquals("systemStatus"u8)
                    || reader.ValueTextEquals("subscriptionStatus"u8) || reader.ValueTextEquals("pong"u8);
            }
            else
            {
                Json.Skip(ref reader);
            }
        }

        if (known)
        {
            Statistics.CountType("event");
        }
        else
        {
            Statistics.Reject(RejectReasons.UnknownType);
        }
    }
}
