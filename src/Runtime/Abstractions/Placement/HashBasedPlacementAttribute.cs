namespace TgeSwarm.Runtime;

/// <summary>Places activations of this grain class with <see cref="HashBasedPlacement"/>.</summary>
public sealed class HashBasedPlacementAttribute() : PlacementAttribute(HashBasedPlacement.Instance);
