using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Probe;

[GenerateSerializer]
public sealed class ProbeCounterState
{
    [Id(0)]
    public long Value { get; set; }
}
