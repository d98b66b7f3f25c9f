using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Recently read header values by their wire bytes. A silo's traffic names few distinct silos and grain types, so
/// almost every read is a hit: a short byte comparison instead of decoding (and allocating) the value again. A miss
/// decodes and takes a slot round-robin; racing writers only cost an extra decode.
/// </summary>
internal abstract class WireValueCache<T>(int slots)
    where T : class
{
    private readonly Entry?[] _entries = new Entry?[slots];
    private int _next;

    public T Read(ref SwarmReader reader)
    {
        var raw = reader.ReadLengthPrefixed();
        foreach (var entry in _entries)
        {
            if (entry is not null && raw.SequenceEqual(entry.Raw))
            {
                return entry.Value;
            }
        }

        var value = Decode(raw, out var problem) ?? throw reader.Malformed(problem);
        Volatile.Write(ref _entries[(uint)Interlocked.Increment(ref _next) % (uint)_entries.Length], new Entry(raw.ToArray(), value));
        return value;
    }

    /// <summary>The value <paramref name="raw"/> encodes, or null with what is wrong with it.</summary>
    protected abstract T? Decode(ReadOnlySpan<byte> raw, out string problem);

    private sealed record Entry(byte[] Raw, T Value);
}
