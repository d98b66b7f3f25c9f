using System.Text.Json;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Bybit;

/// <summary>
/// Bybit v5 public: <c>{"topic":"orderbook.200.BTCUSDT","type":"snapshot|delta","ts",…,"data":{…}}</c>.
/// Books: a snapshot (or a delta with <c>u</c> = 1, a service restart) resets; each delta must carry <c>u</c> = last
/// + 1 (observed, not documented), else gap and resync. <c>publicTrade</c> → trades (<c>S</c> is the taker side).
/// Symbols on a linear or inverse connection are perpetuals: <c>BTC-USDT-PERP</c>.
/// <para>
/// <c>topic</c> comes first, so <c>data</c> is read where it stands in the one pass over the frame; field order
/// otherwise differs between spot and linear (<c>ts</c> may follow <c>data</c>), so what is read is applied once
/// the frame has been read to its end, and a <c>data</c> ahead of its topic is read afterwards from a saved reader.
/// Order book frames of the usual shape take a faster route still (<c>BybitFeed.Scan.cs</c>).
/// </para>
/// </summary>
internal sealed partial class BybitFeed(IMarketEventSink sink, bool perpetual) : VenueFeedBase(Venue.Bybit, sink)
{
    private readonly SymbolCache _symbols = new(perpetual ? static s => InstrumentNames.FromConcatenated(s) + "-PERP" : InstrumentNames.FromConcatenated);
    private readonly BookSet _books = new();
    private readonly List<PriceLevel> _bids = [];
    private readonly List<PriceLevel> _asks = [];

    internal BookSet Books => _books;

    protected override void ParseFrame(ReadOnlySpan<byte> frame, long receivedAt)
    {
        if (TryScanBook(frame, receivedAt, out var scanned, out var scannedSnapshot, out var scannedTime))
        {
            Statistics.CountType(scannedSnapshot ? "orderbook/snapshot" : "orderbook/delta");
            ApplyBook(scanned, scannedSnapshot, scannedTime);
            return;
        }

        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        Json.Expect(ref reader, JsonTokenType.StartObject);
        var topic = BybitTopic.None;
        var isSnapshot = false;
        var isAck = false;
        long timestamp = receivedAt;
        Utf8JsonReader data = default;
        var dataLater = false;
        var hasData = false;
        var book = default(BybitBookData);
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.ValueTextEquals("topic"u8))
            {
                Json.Read(ref reader);
                topic = Topic(Json.GetRawString(ref reader));
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                Json.Read(ref reader);
                isSnapshot = Json.GetRawString(ref reader).SequenceEqual("snapshot"u8);
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                Json.Read(ref reader);
                timestamp = Timestamps.FromMilliseconds(Json.GetInt64(ref reader));
            }
            else if (reader.ValueTextEquals("op"u8))
            {
                isAck = true;
                Json.SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                hasData = true;
                Json.Read(ref reader);
                if (topic == BybitTopic.None)
                {
                    data = reader;
                    dataLater = true;
                    Json.Skip(ref reader);
                }
                else
                {
                    ReadData(ref reader, topic, ref book);
                }
            }
            else
            {
                Json.SkipValue(ref reader);
            }
        }

        if (dataLater)
        {
            ReadData(ref data, topic, ref book);
        }

        switch (topic)
        {
            case BybitTopic.OrderBook when hasData:
                Statistics.CountType(isSnapshot ? "orderbook/snapshot" : "orderbook/delta");
                ApplyBook(book, isSnapshot, timestamp);
                return;
            case BybitTopic.Trade when hasData:
                Statistics.CountType("publicTrade");
                EmitDeferred();
                return;
            case BybitTopic.Other:
                Statistics.CountType("other");
                return;
            case BybitTopic.None when isAck:
                Statistics.CountType("op");
                return;
            default:
                Statistics.Reject(RejectReasons.UnknownType);
                return;
        }
    }

    private static BybitTopic Topic(ReadOnlySpan<byte> name) =>
        name.StartsWith("orderbook."u8) ? BybitTopic.OrderBook
        : name.StartsWith("publicTrade."u8) ? BybitTopic.Trade
        : name.StartsWith("tickers."u8) || name.StartsWith("kline."u8) || name.StartsWith("allLiquidation."u8) || name.StartsWith("liquidation."u8) ? BybitTopic.Other
        : BybitTopic.Unknown;
}
