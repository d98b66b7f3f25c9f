using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>One stage activation's counts, turned into <see cref="StageStatistics"/> on request. Touched by one turn at a time.</summary>
internal sealed class StageCounters(string stage, string key)
{
    private readonly Dictionary<string, long> _dropped = new(StringComparer.Ordinal);

    public long Batches { get; set; }

    public long EventsIn { get; set; }

    public long EventsOut { get; set; }

    public void Drop(string reason, long count = 1) => _dropped[reason] = _dropped.GetValueOrDefault(reason) + count;

    public StageStatistics Snapshot() => new(stage, key, Batches, EventsIn, EventsOut, new Dictionary<string, long>(_dropped, StringComparer.Ordinal));
}
