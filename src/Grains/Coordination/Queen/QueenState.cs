using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>The queen's persisted state: the registry, the shard groups, the pipelines, the halt and the action log.</summary>
[GenerateSerializer]
internal sealed class QueenState
{
    /// <summary>Agents by <c>type/key</c>.</summary>
    [Id(0)]
    public Dictionary<string, AgentRecord> Agents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Shard groups by <c>type/group</c>, for those scaled at least once.</summary>
    [Id(1)]
    public Dictionary<string, GroupRecord> Groups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Pipelines that were ever paused or resumed, by name; a missing one runs.</summary>
    [Id(2)]
    public Dictionary<string, PipelineRecord> Pipelines { get; set; } = new(StringComparer.Ordinal);

    [Id(3)]
    public HaltInfo? Halt { get; set; }

    /// <summary>The newest actions, oldest first, at most <see cref="QueenOptions.MaxActions"/>.</summary>
    [Id(4)]
    public List<QueenAction> Actions { get; set; } = [];

    [Id(5)]
    public long NextActionId { get; set; } = 1;

    [Id(6)]
    public DateTimeOffset? LastReconciledAt { get; set; }
}
