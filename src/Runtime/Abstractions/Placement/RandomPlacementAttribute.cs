namespace TgeSwarm.Runtime;

/// <summary>Places activations of this grain class with <see cref="RandomPlacement"/>.</summary>
public sealed class RandomPlacementAttribute() : PlacementAttribute(RandomPlacement.Instance);
