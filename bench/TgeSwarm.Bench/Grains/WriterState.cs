namespace TgeSwarm.Bench.Grains;

[GenerateSerializer]
public sealed class WriterState
{
    [Id(0)]
    public long Sequence { get; set; }

    [Id(1)]
    public string Payload { get; set; } = "";
}
