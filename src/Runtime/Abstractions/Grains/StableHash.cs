namespace TgeSwarm.Runtime;

/// <summary>
/// FNV-1a over UTF-16 code units, finished with a murmur3 mix so consecutive keys spread over the ring.
/// Stable across processes and .NET versions, which <see cref="string.GetHashCode()"/> is not.
/// </summary>
internal static class StableHash
{
    public static int Of(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)Mix(hash);
    }

    public static int Combine(int first, int second) => (int)Mix(unchecked((uint)first * 31u + (uint)second));

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
