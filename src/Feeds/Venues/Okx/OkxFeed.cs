using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Okx;

/// <summary>
/// OKX v5 public: <c>{"arg":{"channel","instId"},"action":"snapshot|update","data":[…]}</c>. <c>books*</c> feed
/// <see cref="OkxBookKeeper"/> (seqId/prevSeqId chain and CRC32 checksum), <c>trades</c> become trades (instId is
/// already <c>BTC-USDT</c>), <c>tickers</c>, event acks and the text <c>pong</c> are counted only. Fields are read in
/// any order: <c>arg</c> normally comes first and <c>data</c> is then read where it stands, in the one pass over the
/// frame, or else from a saved reader afterwards; books and trades read are applied and emitted once the whole
/// frame has been read, so a frame rejected at its end changes no book and emits nothing.
/// </summary>
internal sealed partial class OkxFeed(IMarketEventSink sink) : VenueFeedBase(Venue.Okx, sink)
{
    private readonly SymbolCache _symbols = new(static s => s.ToUpperInvariant());
    private readonly OkxBookKeeper _books = new();
    private readonly List<PriceLevel> _bids = [];
    private readonly List<PriceLevel> _asks = [];
    private readonly List<OkxBookMessage> _bookMessages = [];

    internal OkxBookKeeper Books => _books;

    protected override void ParseFrame(ReadOnlySpan<byte> frame, long receivedAt)
    {
        if (frame.SequenceEqual("pong"u8))
        {
            Statistics.CountType("pong");
            return;
        }

        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        Json.Expect(ref reader, JsonTokenType.StartObject);
        var channel = OkxChannel.None;
        string? instrument = null;
        var isSnapshot = false;
        var isEvent = false;
        Utf8JsonReader data = default;
        var hasData = false;
        var dataLater = false;
        _bids.Clear();
        _asks.Clear();
        _bookMessages.Clear();
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.ValueTextEquals("arg"u8))
            {
                Json.Expect(ref reader, JsonTokenType.StartObject);
                (channel, instrument) = ReadArg(ref reader);
            }
            else if (reader.ValueTextEquals("action"u8))
            {
                Json.Read(ref reader);
                isSnapshot = Json.GetRawString(ref reader).SequenceEqual("snapshot"u8);
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                isEvent = true;
                Json.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                hasData = true;
                if (channel is OkxChannel.Books or OkxChannel.Trades && instrument is not null)
                {
                    Json.Expect(ref reader, JsonTokenType.StartArray);
                    ReadData(ref reader, channel, receivedAt);
                }
                else
                {
                    data = Json.CaptureArray(ref reader);
                    dataLater = true;
                }
            }
            else
            {
                Json.SkipValue(ref reader);
            }
        }

        if (isEvent)
        {
            Statistics.CountType("event");
            return;
        }

        if (!hasData || instrument is null)
        {
            Statistics.Reject(channel == OkxChannel.Unknown || !hasData ? RejectReasons.UnknownType : RejectReasons.Schema);
            return;
        }

        if (dataLater)
        {
            ReadData(ref data, channel, receivedAt);
        }

        switch (channel)
        {
            case OkxChannel.Books:
                Statistics.CountType(isSnapshot ? "books/snapshot" : "books/update");
                ApplyBooks(instrument, isSnapshot);
                return;
            case OkxChannel.Trades:
                Statistics.CountType("trades");
                EmitDeferred();
                return;
            case OkxChannel.Tickers:
                Statistics.CountType("tickers");
                return;
            default:
                Statistics.Reject(RejectReasons.UnknownType);
                return;
        }
    }

    private (OkxChannel Channel, string? Instrument) ReadArg(ref Utf8JsonReader reader)
    {
        var channel = OkxChannel.Unknown;
        string? instrument = null;
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return (channel, instrument);
            }

            if (reader.ValueTextEquals("channel"u8))
            {
                Json.Read(ref reader);
                var name = Json.GetRawString(ref reader);
                channel = name.StartsWith("books"u8) && !name.SequenceEqual("bbo-tbt"u8) ? OkxChannel.Books
                    : name.SequenceEqual("trades"u8) || name.SequenceEqual("trades-all"u8) ? OkxChannel.Trades
                    : name.SequenceEqual("tickers"u8) ? OkxChannel.Tickers
                    : OkxChannel.Unknown;
            }
            else if (reader.ValueTextEquals("instId"u8))
            {
                Json.Read(ref reader);
                instrument = _symbols.Get(Json.GetRawString(ref reader));
            }
            else
            {
                Json.SkipValue(ref reader);
            }
        }
    }
}
