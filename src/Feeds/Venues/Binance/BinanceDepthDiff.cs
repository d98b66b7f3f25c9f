namespace TgeSwarm.Feeds.Venues.Binance;

/// <summary>A <c>depthUpdate</c> event: levels changed between update ids <see cref="FirstId"/> (<c>U</c>) and <see cref="FinalId"/> (<c>u</c>).</summary>
internal sealed record BinanceDepthDiff(string Instrument, long Timestamp, long FirstId, long FinalId, PriceLevel[] Bids, PriceLevel[] Asks);
