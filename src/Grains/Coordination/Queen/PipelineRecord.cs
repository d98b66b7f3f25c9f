using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>A pipeline's pause switch and who last flipped it.</summary>
[GenerateSerializer]
internal sealed class PipelineRecord
{
    [Id(0)]
    public bool Paused { get; set; }

    [Id(1)]
    public DateTimeOffset? ChangedAt { get; set; }

    [Id(2)]
    public string? ChangedBy { get; set; }

    [Id(3)]
    public string? Reason { get; set; }
}
