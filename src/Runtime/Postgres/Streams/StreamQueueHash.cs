namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// FNV-1a over the UTF-16 code units of a stream's namespace and key, finished with the murmur3 mix so that
/// consecutive keys spread over the queues. Stable across processes and .NET versions, unlike
/// <see cref="string.GetHashCode()"/>; changing it moves every stream to another queue, so it never changes.
/// The namespace's length goes in first, so ("a", "bc") and ("ab", "c") hash apart.
/// </summary>
internal static class StreamQueueHash
{
    public static uint Of(string streamNamespace, string streamKey)
    {
        ArgumentNullException.ThrowIfNull(streamNamespace);
        ArgumentNullException.ThrowIfNull(streamKey);
        var hash = Add(2166136261u, (uint)streamNamespace.Length);
        foreach (var c in streamNamespace)
        {
            hash = Add(hash, c);
        }

        foreach (var c in streamKey)
        {
            hash = Add(hash, c);
        }

        return Mix(hash);
    }

    private static uint Add(uint hash, uint value) => unchecked((hash ^ value) * 16777619u);

    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
