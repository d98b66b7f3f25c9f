namespace TgeSwarm.Runtime;

/// <summary>How many activations of one grain type one silo holds.</summary>
[GenerateSerializer]
public sealed record SimpleGrainStatistic(
    [property: Id(0)] string GrainType,
    [property: Id(1)] string SiloAddress,
    [property: Id(2)] int ActivationCount);
