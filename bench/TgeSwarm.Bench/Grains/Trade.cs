namespace TgeSwarm.Bench.Grains;

/// <summary>The serializer benchmark's value: a market trade as the pipeline carries it.</summary>
[GenerateSerializer]
public sealed record Trade(
    [property: Id(0)] string Symbol,
    [property: Id(1)] decimal Price,
    [property: Id(2)] decimal Size,
    [property: Id(3)] long Id,
    [property: Id(4)] DateTime Time,
    [property: Id(5)] bool Side);
