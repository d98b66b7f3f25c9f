namespace TgeSwarm.Runtime;

/// <summary>Chooses the placement strategy of a grain class. One per class; the default is hash-based.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public abstract class PlacementAttribute(PlacementStrategy strategy) : Attribute
{
    public PlacementStrategy Strategy { get; } = strategy;
}
