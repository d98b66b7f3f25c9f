using TgeSwarm.Feeds;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Pipeline;

/// <summary>
/// What the first stages hand over: parsed events of one venue (on <c>market.raw</c> and <c>market.valid</c>) or of
/// one instrument (on <c>market.normalized</c>). One stream event carries many market events, so a stage pays a
/// grain turn per batch, not per trade. Never changed once published.
/// </summary>
/// <param name="ReceivedAt">UTC microseconds at which the oldest frame in the batch was received: the start of the latency measured at the cache.</param>
/// <param name="Frames">WebSocket frames the batch was parsed from (the pipeline's messages).</param>
[GenerateSerializer]
[Immutable]
internal sealed record MarketBatch(
    [property: Id(0)] Venue Venue,
    [property: Id(1)] Trade[] Trades,
    [property: Id(2)] BookUpdate[] Books,
    [property: Id(3)] long ReceivedAt,
    [property: Id(4)] int Frames)
{
    public int Count => Trades.Length + Books.Length;
}
