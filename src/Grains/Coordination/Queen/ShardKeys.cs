using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>The <c>group#n</c> keys of sharded agent types.</summary>
internal static class ShardKeys
{
    public static string Of(string group, int index) => $"{group}#{index}";

    /// <summary>The group of <paramref name="key"/>; bad input naming <c>key</c> when it is not <c>group#shard</c>, with <paramref name="form"/> saying what is expected.</summary>
    public static string GroupOf(string key, string form)
    {
        var hash = key.IndexOf('#', StringComparison.Ordinal);
        if (hash <= 0 || hash == key.Length - 1)
        {
            throw new CoordinationArgumentException($"{form}, not '{key}'.", "key");
        }

        return key[..hash];
    }
}
