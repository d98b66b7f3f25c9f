namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

/// <summary>Derived type: its ids continue after the base's, which are flattened into its codec.</summary>
[GenerateSerializer]
public sealed class Circle : Shape
{
    [Id(1)]
    public double Radius { get; set; }
}
