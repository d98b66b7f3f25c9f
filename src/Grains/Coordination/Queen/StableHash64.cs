namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// A 64-bit hash that is the same in every process, on every machine and .NET version (which
/// <see cref="string.GetHashCode()"/> is not): FNV-1a over the UTF-16 code units, then the SplitMix64 finaliser, so
/// keys that differ in one character land far apart. Assignments persisted by one silo are recomputed by another.
/// </summary>
internal static class StableHash64
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static ulong Of(string value)
    {
        var hash = FnvOffset;
        foreach (var c in value)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>An order-dependent combination of two hashes, mixed again so the result is as uniform as each input.</summary>
    public static ulong Combine(ulong first, ulong second) => Mix(first ^ (second + 0x9E3779B97F4A7C15UL + (first << 6) + (first >> 2)));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
