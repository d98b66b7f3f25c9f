namespace TgeSwarm.TestGrains;

[GenerateSerializer]
public sealed record SampleRecord([property: Id(0)] string Name, [property: Id(1)] decimal Price, [property: Id(2)] List<string> Tags);
