namespace TgeSwarm.Runtime;

/// <summary>On the silo that made the call, if it hosts the grain type; otherwise like hash-based.</summary>
public sealed class PreferLocalPlacement : PlacementStrategy
{
    public static PreferLocalPlacement Instance { get; } = new();

    public override string Name => "PreferLocal";
}
