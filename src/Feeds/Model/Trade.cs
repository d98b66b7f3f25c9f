using TgeSwarm.Runtime;

namespace TgeSwarm.Feeds;

/// <summary>A trade in the one model shared by all venues.</summary>
/// <param name="Instrument">Normalised name, e.g. <c>BTC-USDT</c> (derivatives keep a suffix: <c>BTC-USDT-PERP</c>).</param>
/// <param name="Timestamp">Exchange trade time, UTC microseconds since the Unix epoch.</param>
/// <param name="TradeId">The venue's trade id (the dedup key); Kraken v1 sends none, so it is empty there.</param>
[GenerateSerializer]
[Immutable]
public sealed record Trade(
    [property: Id(0)] Venue Venue,
    [property: Id(1)] string Instrument,
    [property: Id(2)] long Timestamp,
    [property: Id(3)] decimal Price,
    [property: Id(4)] decimal Size,
    [property: Id(5)] TradeSide Side,
    [property: Id(6)] string TradeId);
