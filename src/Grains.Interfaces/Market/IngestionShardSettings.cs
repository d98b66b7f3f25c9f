using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// What one ingestion shard connects to: one WebSocket connection to one venue endpoint, for a set of instruments.
/// Persisted by the shard, so a reminder can bring it back on another silo after a silo loss.
/// </summary>
/// <param name="Venue">A venue name: binance, coinbase, bybit, kraken (WS v1), kraken-v2, okx.</param>
/// <param name="WebSocketUrl">The venue's WebSocket base address (the real venue's, or a replay exchange's).</param>
/// <param name="RestUrl">The REST base address (Binance depth snapshots); null for venues that need none.</param>
/// <param name="Instruments">Normalised names, e.g. <c>BTC-USDT</c>.</param>
/// <param name="BookDepth">The venue's book depth parameter (Binance snapshot limit, Bybit <c>orderbook.N</c>, Kraken depth); null: the venue default.</param>
/// <param name="TradeChannel">The trade channel when not the venue's default (Binance <c>aggTrade</c>); null: the default.</param>
[GenerateSerializer]
[Immutable]
public sealed record IngestionShardSettings(
    [property: Id(0)] string Venue,
    [property: Id(1)] string WebSocketUrl,
    [property: Id(2)] string? RestUrl,
    [property: Id(3)] IReadOnlyList<string> Instruments,
    [property: Id(4)] bool Trades = true,
    [property: Id(5)] bool Books = true,
    [property: Id(6)] int? BookDepth = null,
    [property: Id(7)] string? TradeChannel = null);
