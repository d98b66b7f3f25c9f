namespace TgeSwarm.Feeds;

/// <summary>A trade in the one model shared by all venues.</summary>
/// <param name="Instrument">Normalised name, e.g. <c>BTC-USDT</c> (derivatives keep a suffix: <c>BTC-USDT-PERP</c>).</param>
/// <param name="Timestamp">Exchange trade time, UTC microseconds since the Unix epoch.</param>
/// <param name="TradeId">The venue's trade id (the dedup key); Kraken v1 sends none, so it is empty there.</param>
public sealed record Trade(
    Venue Venue,
    string Instrument,
    long Timestamp,
    decimal Price,
    decimal Size,
    TradeSide Side,
    string TradeId);
