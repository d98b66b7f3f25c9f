namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

/// <summary>Fields whose declared types do not say which type arrives: a base class and object.</summary>
[GenerateSerializer]
public sealed class Drawing
{
    [Id(0)]
    public Shape? Main { get; set; }

    [Id(1)]
    public object? Payload { get; set; }

    [Id(2)]
    public List<Shape> Shapes { get; set; } = [];
}
