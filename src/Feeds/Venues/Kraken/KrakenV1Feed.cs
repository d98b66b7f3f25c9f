using System.Text.Json;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Kraken;

/// <summary>
/// Kraken WS v1 (the recording's protocol). Data frames are arrays <c>[channelID, payload…, "book-1000", "XBT/CHF"]</c>
/// whose channel name and pair come last; a book update may carry asks and bids as two payload objects, the checksum
/// (<c>"c"</c>) in the last. Event objects (<c>heartbeat</c>, <c>systemStatus</c>, <c>subscriptionStatus</c>) are
/// counted only. Books are truncated to the subscribed depth after every message and checked against Kraken's
/// CRC32; a mismatch drops the book until the next snapshot.
/// <para>
/// The channel name and pair are first picked from the frame's end (<see cref="KrakenV1Tail"/>). A book frame of the
/// plain shape is then read by <see cref="KrakenV1BookScanner"/>; any other frame with the general tokenizer, its
/// payloads read where they stand in the one pass over the frame, the pass checking that its last two strings were
/// those.
/// A frame whose end does not look that simple (escapes, spaces) has its payload positions saved and read once the
/// pass has found the names. What is read is applied only once the whole frame has been read, so a frame rejected at
/// its end changes no book and emits nothing.
/// </para>
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
        _bids.Clear();
        _asks.Clear();
        var message = new KrakenV1BookMessage();
        var known = KrakenV1Tail.TryRead(frame, out var tailChannel, out var tailPair);
        var kind = known ? Kind(frame[tailChannel]) : KrakenV1Channel.Unknown;
        if (kind == KrakenV1Channel.Book)
        {
            var scanner = new KrakenV1BookScanner(frame);
            if (scanner.TryRead(_bids, _asks, ref message, out var channelRange, out var pairRange))
            {
                Dispatch(kind, _symbols.Get(frame[pairRange]), frame[channelRange], message, receivedAt);
                return;
            }

            _bids.Clear();
            _asks.Clear();
            message = new KrakenV1BookMessage();
        }

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

        var instrument = known && kind is KrakenV1Channel.Book or KrakenV1Channel.Trade ? _symbols.Get(frame[tailPair]) : null;
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

            // As with the names unknown, the first payload and the last one are read (Kraken sends one or two).
            payloads++;
            if (instrument is not null && payloads == 1)
            {
                ReadPayload(ref reader, kind, instrument, ref message);
            }
            else
            {
                (payloads == 1 ? ref first : ref second) = reader;
                Json.Skip(ref reader);
            }
        }

        if (payloads == 0 || channel.IsEmpty || pair.IsEmpty)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        if (known && (!channel.SequenceEqual(frame[tailChannel]) || !pair.SequenceEqual(frame[tailPair])))
        {
            // Cannot happen in well-formed JSON: the tail's two strings are the array's last two elements.
            throw new FeedParseException(RejectReasons.Schema);
        }

        if (known && instrument is not null && payloads > 1)
        {
            ReadPayload(ref second, kind, instrument, ref message);
        }

        if (!known)
        {
            kind = Kind(channel);
            if (kind is KrakenV1Channel.Book or KrakenV1Channel.Trade)
            {
                instrument = _symbols.Get(pair);
                ReadPayload(ref first, kind, instrument, ref message);
                if (payloads > 1)
                {
                    ReadPayload(ref second, kind, instrument, ref message);
                }
            }
        }

        Dispatch(kind, instrument, channel, message, receivedAt);
    }

    private static KrakenV1Channel Kind(ReadOnlySpan<byte> channel) =>
        channel.StartsWith("book-"u8) ? KrakenV1Channel.Book
        : channel.SequenceEqual("trade"u8) ? KrakenV1Channel.Trade
        : channel.SequenceEqual("ticker"u8) || channel.SequenceEqual("spread"u8) || channel.StartsWith("ohlc"u8) ? KrakenV1Channel.Other
        : KrakenV1Channel.Unknown;

    private void ReadPayload(ref Utf8JsonReader reader, KrakenV1Channel kind, string instrument, ref KrakenV1BookMessage message)
    {
        if (kind == KrakenV1Channel.Book)
        {
            ReadBookPayload(ref reader, ref message);
        }
        else
        {
            ReadTrades(ref reader, instrument);
        }
    }

    private void Dispatch(KrakenV1Channel kind, string? instrument, ReadOnlySpan<byte> channel, in KrakenV1BookMessage message, long receivedAt)
    {
        switch (kind)
        {
            case KrakenV1Channel.Book:
                OnBook(instrument!, channel, message, receivedAt);
                break;
            case KrakenV1Channel.Trade:
                Statistics.CountType("trade");
                EmitDeferred();
                break;
            case KrakenV1Channel.Other:
                Statistics.CountType("ticker");
                break;
            default:
                Statistics.Reject(RejectReasons.UnknownType);
                break;
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
