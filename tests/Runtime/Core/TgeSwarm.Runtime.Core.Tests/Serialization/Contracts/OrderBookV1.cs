namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

/// <summary>The older shape of <see cref="OrderBookV2"/>: same ids, fewer members.</summary>
[GenerateSerializer]
public sealed class OrderBookV1
{
    [Id(0)]
    public string Instrument { get; set; } = "";

    [Id(1)]
    public int Depth { get; set; }
}
