using System.Text.Json;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Binance;

/// <summary>
/// Binance spot: combined-stream envelopes (<c>{"stream":…,"data":{…}}</c>) or raw events; <c>depthUpdate</c>
/// diffs kept in sync with REST <c>/api/v3/depth</c> snapshots by <see cref="BinanceBookSync"/>; <c>aggTrade</c> and
/// <c>trade</c> as trades (<c>m</c> = buyer is maker, so the taker sold); <c>bookTicker</c> and <c>kline</c> counted only.
/// </summary>
internal sealed partial class BinanceFeed(IMarketEventSink sink) : VenueFeedBase(Venue.Binance, sink)
{
    private readonly SymbolCache _symbols = new(InstrumentNames.FromConcatenated);
    private readonly Dictionary<string, BinanceBookSync> _books = new(StringComparer.Ordinal);
    private readonly List<PriceLevel> _bids = [];
    private readonly List<PriceLevel> _asks = [];

    internal IEnumerable<BinanceBookSync> Books => _books.Values;

    protected override void ParseFrame(ReadOnlySpan<byte> frame, long receivedAt)
    {
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        Json.Expect(ref reader, JsonTokenType.StartObject);
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                // An envelope without "data": the subscribe answer {"result":null,"id":1}, or something unknown.
                Reject(frame);
                return;
            }

            if (reader.ValueTextEquals("data"u8))
            {
                Json.Expect(ref reader, JsonTokenType.StartObject);
                ParseEvent(ref reader);
                return;
            }

            if (reader.ValueTextEquals("e"u8))
            {
                // A raw-stream event (/ws/<stream>): the event object is the frame itself.
                reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
                Json.Expect(ref reader, JsonTokenType.StartObject);
                ParseEvent(ref reader);
                return;
            }

            Json.SkipValue(ref reader);
        }
    }

    private void Reject(ReadOnlySpan<byte> frame)
    {
        if (frame.IndexOf("\"result\""u8) >= 0)
        {
            Statistics.CountType("result");
            return;
        }

        Statistics.Reject(RejectReasons.UnknownType);
    }

    // One pass over the event object; "a" and "b" mean different things per event, told apart by token type.
    private void ParseEvent(ref Utf8JsonReader reader)
    {
        var fields = new BinanceEventFields();
        _bids.Clear();
        _asks.Clear();
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            ReadField(ref reader, ref fields);
        }

        Dispatch(in fields);
    }
}
