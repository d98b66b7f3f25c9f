using System.Text.Json;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Kraken;

/// <summary>
/// Kraken WS v2: <c>{"channel":"book|trade|…","type":"snapshot|update","data":[…]}</c> with prices and sizes as JSON
/// numbers (parsed as decimals from their digits). Books are truncated to the snapshot's depth (the subscribed one)
/// after every update and verified with Kraken's CRC32 over the top 10; a mismatch drops the book until a new
/// snapshot. Heartbeat, status and method responses are counted only.
/// </summary>
internal sealed partial class KrakenV2Feed(IMarketEventSink sink) : VenueFeedBase(Venue.KrakenV2, sink)
{
    private readonly SymbolCache _symbols = new(InstrumentNames.FromSlashed);
    private readonly BookSet _books = new();
    private readonly Dictionary<string, int> _depths = new(StringComparer.Ordinal);
    private readonly List<PriceLevel> _bids = [];
    private readonly List<PriceLevel> _asks = [];

    internal BookSet Books => _books;

    protected override void ParseFrame(ReadOnlySpan<byte> frame, long receivedAt)
    {
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        Json.Expect(ref reader, JsonTokenType.StartObject);
        var channel = 0;
        var isSnapshot = false;
        var isMethod = false;
        Utf8JsonReader data = default;
        var hasData = false;
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.ValueTextEquals("channel"u8))
            {
                Json.Read(ref reader);
                var name = Json.GetRawString(ref reader);
                channel = name.SequenceEqual("book"u8) ? 1 : name.SequenceEqual("trade"u8) ? 2
                    : name.SequenceEqual("heartbeat"u8) || name.SequenceEqual("status"u8) || name.SequenceEqual("ticker"u8) ? 3 : -1;
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                Json.Read(ref reader);
                isSnapshot = Json.GetRawString(ref reader).SequenceEqual("snapshot"u8);
            }
            else if (reader.ValueTextEquals("method"u8))
            {
                isMethod = true;
                Json.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                data = Json.CaptureArray(ref reader);
                hasData = true;
            }
            else
            {
                Json.SkipValue(ref reader);
            }
        }

        switch (channel)
        {
            case 1 when hasData:
                Statistics.CountType(isSnapshot ? "book/snapshot" : "book/update");
                ReadBooks(ref data, isSnapshot, receivedAt);
                return;
            case 2 when hasData:
                Statistics.CountType("trade");
                ReadTrades(ref data);
                return;
            case 3:
                Statistics.CountType("other");
                return;
            case 0 when isMethod:
                Statistics.CountType("method");
                return;
            default:
                Statistics.Reject(RejectReasons.UnknownType);
                return;
        }
    }

    private void ApplyBook(string instrument, bool isSnapshot, uint? checksum, long timestamp)
    {
        var book = _books.Get(instrument);
        if (isSnapshot)
        {
            book.Clear();
            book.IsSynced = true;
            _depths[instrument] = Math.Max(10, Math.Max(_bids.Count, _asks.Count));
        }
        else if (!book.IsSynced)
        {
            Statistics.Reject(RejectReasons.BookNotSynced);
            return;
        }

        PriceLevel[] bids = [.. _bids];
        PriceLevel[] asks = [.. _asks];
        book.ApplyAll(bids, asks);
        book.Truncate(_depths[instrument]);
        if (checksum is { } expected)
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

        EmitBook(instrument, timestamp, isSnapshot, bids, asks, book);
    }
}
