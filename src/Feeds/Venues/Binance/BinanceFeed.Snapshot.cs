using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Binance;

internal sealed partial class BinanceFeed
{
    /// <summary><c>GET /api/v3/depth?symbol=NKNUSDT&amp;limit=…</c> → <c>{"lastUpdateId":…,"bids":[…],"asks":[…]}</c>.</summary>
    protected override void ParseRest(string url, ReadOnlySpan<byte> body, long receivedAt)
    {
        if (!url.Contains("/api/v3/depth", StringComparison.Ordinal) || !TrySymbol(url, out var symbol))
        {
            return;
        }

        var instrument = InstrumentNames.FromConcatenated(symbol);
        var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
        long? lastUpdateId = null;
        _bids.Clear();
        _asks.Clear();
        Json.Expect(ref reader, JsonTokenType.StartObject);
        while (true)
        {
            Json.Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (reader.ValueTextEquals("lastUpdateId"u8))
            {
                Json.Read(ref reader);
                lastUpdateId = Json.GetInt64(ref reader);
            }
            else if (reader.ValueTextEquals("bids"u8))
            {
                Json.Read(ref reader);
                Json.ReadLevelArrays(ref reader, _bids);
            }
            else if (reader.ValueTextEquals("asks"u8))
            {
                Json.Read(ref reader);
                Json.ReadLevelArrays(ref reader, _asks);
            }
            else
            {
                Json.SkipValue(ref reader);
            }
        }

        if (lastUpdateId is null)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        Statistics.CountType("depthSnapshot");
        ApplySnapshot(instrument, lastUpdateId.Value, receivedAt);
    }

    private void ApplySnapshot(string instrument, long lastUpdateId, long receivedAt)
    {
        var sync = Sync(instrument);
        _replayed.Clear();
        PriceLevel[] bids = [.. _bids];
        PriceLevel[] asks = [.. _asks];
        if (sync.OnSnapshot(lastUpdateId, bids, asks, _replayed) == BinanceBookSync.Outcome.SnapshotTooOld)
        {
            RequireResync(instrument, "snapshot older than the first buffered diff");
            return;
        }

        EmitBook(instrument, receivedAt, isSnapshot: true, bids, asks, sync.Book);
        foreach (var (diff, outcome) in _replayed)
        {
            Report(diff, outcome);
        }
    }

    private static bool TrySymbol(string url, out string symbol)
    {
        const string Key = "symbol=";
        var start = url.IndexOf(Key, StringComparison.Ordinal);
        if (start < 0)
        {
            symbol = string.Empty;
            return false;
        }

        start += Key.Length;
        var end = url.IndexOf('&', start);
        symbol = end < 0 ? url[start..] : url[start..end];
        return symbol.Length > 0;
    }
}
