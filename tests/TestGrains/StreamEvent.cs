namespace TgeSwarm.TestGrains;

/// <summary>A test stream event: which producer sent it and its number in that producer's sequence.</summary>
[GenerateSerializer]
public sealed record StreamEvent([property: Id(0)] string Producer, [property: Id(1)] int Sequence)
{
    /// <summary>An event whose handler throws, to test consumer failures.</summary>
    public const int Poison = -1;
}
