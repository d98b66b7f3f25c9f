namespace TgeSwarm.Runtime;

/// <summary>
/// Where a new activation goes. Data only: the silo's placement directors hold the behaviour, so a strategy can
/// travel with a grain type's metadata.
/// </summary>
public abstract class PlacementStrategy
{
    /// <summary>The name placement directors are registered under.</summary>
    public abstract string Name { get; }

    public override string ToString() => Name;
}
