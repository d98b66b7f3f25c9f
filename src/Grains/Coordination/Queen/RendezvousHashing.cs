namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// Highest-random-weight (rendezvous) assignment of task items to shards: every item scores every shard with a stable
/// hash of (item, shard) and goes to the highest score. An item's shard depends only on the item and the shard set,
/// so adding a shard moves exactly the items that now score highest on it, and removing one moves only that shard's
/// items; each shard's share is even in expectation. Shards are identified by their keys (<c>binance#2</c>), not by
/// index arithmetic, so a shard keeps its items whatever the others are called.
/// </summary>
internal static class RendezvousHashing
{
    /// <summary>The shard of <paramref name="shards"/> that <paramref name="item"/> scores highest (ties: the first listed).</summary>
    public static string ShardOf(string item, IReadOnlyList<string> shards)
    {
        ArgumentOutOfRangeException.ThrowIfZero(shards.Count);
        var itemHash = StableHash64.Of(item);
        var best = 0;
        var bestScore = 0UL;
        for (var i = 0; i < shards.Count; i++)
        {
            var score = StableHash64.Combine(itemHash, StableHash64.Of(shards[i]));
            if (i == 0 || score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return shards[best];
    }

    /// <summary>Every item with its shard, items in ordinal order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Assign(IEnumerable<string> items, IReadOnlyList<string> shards) =>
        [.. items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(item => KeyValuePair.Create(item, ShardOf(item, shards)))];
}
