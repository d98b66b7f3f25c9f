using System.Runtime.CompilerServices;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// A read-mostly map from a type handle to an object, for the lookup made on every serialized value. Reads take no
/// lock and make no virtual call: they probe an open-addressed array that is never changed once published. An add
/// copies the array under a lock, which is cheap because a process resolves each type once (a few hundred adds in its
/// life) and then only reads. The array is kept at most half full, so a probe always ends at an empty slot.
/// </summary>
internal sealed class TypeHandleTable
{
    private const int InitialCapacity = 64;

    private readonly Lock _gate = new();
    private Entry[] _entries = new Entry[InitialCapacity];
    private int _count;

    /// <summary>The value added for <paramref name="key"/>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public object? Find(nint key)
    {
        var entries = Volatile.Read(ref _entries);
        var mask = entries.Length - 1;
        for (var i = Slot(key, mask); ; i = (i + 1) & mask)
        {
            var entry = entries[i];
            if (entry.Key == key)
            {
                return entry.Value;
            }

            if (entry.Key == 0)
            {
                return null;
            }
        }
    }

    /// <summary>Adds <paramref name="value"/> unless the key is already there (a racing add of the same type won).</summary>
    public void TryAdd(nint key, object value)
    {
        ArgumentOutOfRangeException.ThrowIfZero(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (Find(key) is not null)
            {
                return;
            }

            var entries = _entries;
            var copy = new Entry[(_count + 1) * 2 > entries.Length ? entries.Length * 2 : entries.Length];
            foreach (var entry in entries)
            {
                if (entry.Key != 0)
                {
                    Insert(copy, entry);
                }
            }

            Insert(copy, new Entry(key, value));
            _count++;
            Volatile.Write(ref _entries, copy);
        }
    }

    private static void Insert(Entry[] entries, Entry entry)
    {
        var mask = entries.Length - 1;
        var i = Slot(entry.Key, mask);
        while (entries[i].Key != 0)
        {
            i = (i + 1) & mask;
        }

        entries[i] = entry;
    }

    // Fibonacci hashing: type handles are aligned pointers, so their low bits carry no information on their own.
    private static int Slot(nint key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private readonly record struct Entry(nint Key, object Value);
}
