namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

/// <summary>The newer shape of <see cref="OrderBookV1"/>: two members added, with initializers that must survive old data.</summary>
[GenerateSerializer]
public sealed class OrderBookV2
{
    [Id(0)]
    public string Instrument { get; set; } = "";

    [Id(1)]
    public int Depth { get; set; }

    [Id(2)]
    public List<Trade> Trades { get; init; } = [];

    [Id(3)]
    public int Precision { get; init; } = 8;

    [Id(4)]
    public Dictionary<string, decimal>? Levels { get; set; }
}
