using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Recently read silo addresses by their wire bytes. Every request header names two silos, and a silo talks to few
/// others, so almost every read is a hit: a short byte comparison instead of three allocations (IP address, endpoint,
/// silo address). A miss decodes and takes a slot round-robin; racing writers only cost an extra decode.
/// </summary>
internal sealed class SiloAddressCache
{
    private const int Slots = 16;
    private readonly Entry?[] _entries = new Entry?[Slots];
    private int _next;

    public SiloAddress Read(ref SwarmReader reader)
    {
        var raw = reader.ReadLengthPrefixed();
        foreach (var entry in _entries)
        {
            if (entry is not null && raw.SequenceEqual(entry.Raw))
            {
                return entry.Address;
            }
        }

        var address = SiloAddressCodec.Decode(raw) ?? throw reader.Malformed($"a silo address has {raw.Length} bytes instead of 10 or 22");
        Volatile.Write(ref _entries[(uint)Interlocked.Increment(ref _next) % Slots], new Entry(raw.ToArray(), address));
        return address;
    }

    private sealed record Entry(byte[] Raw, SiloAddress Address);
}
