namespace TgeSwarm.Grains.Caching;

/// <summary>The keys of an <see cref="ArcReadCache{TKey, TValue}"/>'s lists, most recently used first (a test view).</summary>
internal sealed record ArcLists<TKey>(IReadOnlyList<TKey> T1, IReadOnlyList<TKey> T2, IReadOnlyList<TKey> B1, IReadOnlyList<TKey> B2);
