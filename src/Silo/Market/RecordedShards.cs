using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Exchange;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Silo.Market;

/// <summary>
/// The ingestion shards that subscribe, on the replay exchange, to what each recorded session's client subscribed
/// to (trades and books; the recordings' ticker and candle channels are not the pipeline's): one shard per venue
/// endpoint, keyed <c>venue#n</c>.
/// </summary>
internal static class RecordedShards
{
    private static readonly string[] KrakenPairs = ["KSM-BTC", "XMR-USD", "ETH-CHF", "OMG-USD", "GRT-ETH", "WAVES-EUR", "ADA-BTC", "BTC-CHF", "SC-EUR", "OCEAN-BTC"];

    private static readonly Shard[] Shards =
    [
        new(Venue.Binance, "/", ["NKN-USDT", "BLZ-ETH", "LRC-BTC", "RUNE-EUR"], BookDepth: 1000, TradeChannel: "aggTrade"),
        new(Venue.Coinbase, "/", ["BTC-USD", "ETH-USD"]),
        new(Venue.Bybit, "/v5/public/spot", ["BTC-USDT", "ETH-USDT"], BookDepth: 200),
        new(Venue.Bybit, "/v5/public/linear", ["BTC-USDT-PERP", "ETH-USDT-PERP", "SOL-USDT-PERP", "DOGE-USDT-PERP"], BookDepth: 200),
        // Kraken's client had trades and books on separate connections; subscribing both on one would leave the replay
        // to pick a recorded connection from whichever subscribe message came first.
        new(Venue.KrakenV1, "/", KrakenPairs, Books: false),
        new(Venue.KrakenV1, "/", KrakenPairs, Trades: false, BookDepth: 1000),
        new(Venue.Okx, "/ws/v5/public", ["BTC-USD-220527", "UNI-USD-SWAP", "BTC-USDT"]),
    ];

    /// <summary>The venues that have a recorded session to replay.</summary>
    public static IEnumerable<Venue> Venues => Shards.Select(static s => s.Venue).Distinct();

    /// <summary>Shard keys and settings pointing at <paramref name="exchange"/>'s endpoints, for the venues it serves.</summary>
    public static IEnumerable<(string Key, IngestionShardSettings Settings)> For(ReplayExchange exchange)
    {
        foreach (var group in Shards.Where(s => exchange.Venues.Contains(s.Venue)).GroupBy(static s => s.Venue))
        {
            var index = 0;
            foreach (var shard in group)
            {
                var endpoint = exchange.Endpoint(shard.Venue);
                var venue = VenueNames.Name(shard.Venue);
                yield return ($"{venue}#{index++}", new IngestionShardSettings(
                    venue,
                    endpoint.WebSocketUrl(shard.Path).ToString(),
                    endpoint.RestBaseUrl.ToString(),
                    shard.Instruments,
                    shard.Trades,
                    shard.Books,
                    shard.BookDepth,
                    shard.TradeChannel));
            }
        }
    }

    private sealed record Shard(
        Venue Venue, string Path, string[] Instruments, bool Trades = true, bool Books = true, int? BookDepth = null, string? TradeChannel = null);
}
