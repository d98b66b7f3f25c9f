using System.Buffers;
using System.Collections;

namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// The rows of one read, in seq order, with all payloads in one buffer rented from <see cref="ArrayPool{T}.Shared"/>,
/// so a poll costs no per-row payload array and a big row never lands on the large-object heap. Dispose returns the
/// buffer: every <see cref="QueueRow.Payload"/> handed out is invalid from then on, so a caller deserializes (or
/// copies) before it disposes. Not thread-safe.
/// </summary>
internal sealed class QueueRows : IReadOnlyList<QueueRow>, IDisposable
{
    private const int MinimumBuffer = 16 * 1024;

    private List<Entry>? _entries;
    private byte[]? _buffer;
    private int _used;
    private bool _disposed;

    public int Count => _entries?.Count ?? 0;

    /// <summary>The seq of the last row, or -1 when the read found nothing.</summary>
    public long LastSeq => Count == 0 ? -1 : _entries![^1].Seq;

    /// <summary>The events in all rows together.</summary>
    public long EventCount { get; private set; }

    public QueueRow this[int index]
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var entries = _entries ?? throw new ArgumentOutOfRangeException(nameof(index), index, "The read found no rows.");
            var e = entries[index];
            return new QueueRow(e.Seq, e.StreamNamespace, e.StreamKey, e.EventCount, e.EnqueuedAt, _buffer.AsMemory(e.Offset, e.Length));
        }
    }

    public IEnumerator<QueueRow> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Room for a payload of <paramref name="length"/> bytes; <see cref="Add"/> then claims it.</summary>
    internal Memory<byte> Reserve(int length)
    {
        var needed = _used + length;
        if (_buffer is null || _buffer.Length < needed)
        {
            // Payloads are addressed by offset, so moving them to a bigger buffer leaves every entry valid.
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(MinimumBuffer, (_buffer?.Length ?? 0) * 2)));
            if (_buffer is { } old)
            {
                old.AsSpan(0, _used).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(old);
            }

            _buffer = grown;
        }

        return _buffer.AsMemory(_used, length);
    }

    internal void Add(long seq, string streamNamespace, string streamKey, int eventCount, DateTimeOffset enqueuedAt, int payloadLength)
    {
        (_entries ??= []).Add(new Entry(seq, streamNamespace, streamKey, eventCount, enqueuedAt, _used, payloadLength));
        _used += payloadLength;
        EventCount += eventCount;
    }

    private readonly record struct Entry(
        long Seq, string StreamNamespace, string StreamKey, int EventCount, DateTimeOffset EnqueuedAt, int Offset, int Length);
}
