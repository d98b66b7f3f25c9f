using TgeSwarm.Runtime;

namespace TgeSwarm.Feeds;

/// <summary>One price level. In a delta a <see cref="Size"/> of zero removes the level.</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct PriceLevel([property: Id(0)] decimal Price, [property: Id(1)] decimal Size);
