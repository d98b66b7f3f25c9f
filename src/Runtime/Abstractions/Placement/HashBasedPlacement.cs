namespace TgeSwarm.Runtime;

/// <summary>On the silo that owns the grain id on the consistent-hash ring, so directory lookups stay local. The default.</summary>
public sealed class HashBasedPlacement : PlacementStrategy
{
    public static HashBasedPlacement Instance { get; } = new();

    public override string Name => "HashBased";
}
