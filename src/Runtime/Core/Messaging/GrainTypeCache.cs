using System.Text;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Recently read grain type names by their wire bytes. Every request header names its target's type, and a silo's
/// traffic is spread over few types, so almost every read is a hit: a short byte comparison instead of decoding a new
/// string per message. A miss decodes, checks the name and takes a slot round-robin; racing writers only cost an
/// extra decode.
/// </summary>
internal sealed class GrainTypeCache
{
    private const int Slots = 32;
    private readonly Entry?[] _entries = new Entry?[Slots];
    private int _next;

    public string Read(ref SwarmReader reader)
    {
        var raw = reader.ReadLengthPrefixed();
        foreach (var entry in _entries)
        {
            if (entry is not null && raw.SequenceEqual(entry.Raw))
            {
                return entry.Type;
            }
        }

        var type = Encoding.UTF8.GetString(raw);
        if (type.Length == 0 || type.Contains('/', StringComparison.Ordinal))
        {
            throw reader.Malformed($"'{type}' is not a grain type");
        }

        Volatile.Write(ref _entries[(uint)Interlocked.Increment(ref _next) % Slots], new Entry(raw.ToArray(), type));
        return type;
    }

    private sealed record Entry(byte[] Raw, string Type);
}
