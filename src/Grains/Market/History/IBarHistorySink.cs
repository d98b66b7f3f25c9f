using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.History;

/// <summary>Where closed bars go to be recorded. Enqueue never blocks a grain turn; recording happens in batches elsewhere.</summary>
internal interface IBarHistorySink
{
    void Enqueue(IReadOnlyList<Bar> bars);
}
