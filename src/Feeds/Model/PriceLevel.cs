namespace TgeSwarm.Feeds;

/// <summary>One price level. In a delta a <see cref="Size"/> of zero removes the level.</summary>
public readonly record struct PriceLevel(decimal Price, decimal Size);
