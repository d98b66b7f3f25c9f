namespace TgeSwarm.Runtime;

/// <summary>On a silo chosen uniformly at random among those hosting the grain type.</summary>
public sealed class RandomPlacement : PlacementStrategy
{
    public static RandomPlacement Instance { get; } = new();

    public override string Name => "Random";
}
