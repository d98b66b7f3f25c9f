namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

[GenerateSerializer]
[Alias("test.shape")]
public class Shape
{
    [Id(0)]
    public string Name { get; set; } = "";
}
