namespace TgeSwarm.Runtime;

/// <summary>Places activations of this grain class with <see cref="PreferLocalPlacement"/>.</summary>
public sealed class PreferLocalPlacementAttribute() : PlacementAttribute(PreferLocalPlacement.Instance);
