using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.History;

/// <summary>The history sink of a silo without a history database (the embedded default): bars live in the cache grains only.</summary>
internal sealed class DiscardingBarHistory : IBarHistorySink
{
    public void Enqueue(IReadOnlyList<Bar> bars)
    {
    }
}
