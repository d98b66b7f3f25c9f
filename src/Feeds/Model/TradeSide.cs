namespace TgeSwarm.Feeds;

/// <summary>The taker's side of a trade (the aggressor), whatever convention the venue uses on the wire.</summary>
public enum TradeSide
{
    Unknown,
    Buy,
    Sell,
}
