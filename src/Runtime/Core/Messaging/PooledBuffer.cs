using System.Buffers;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// A growable buffer a message is serialized into on the caller's thread (so a codec failure fails that call, not
/// the connection); the connection's writer copies it out and gives it back. Buffers come from, and go back to, a
/// <see cref="MessageBufferPool"/> with their array, so a steady stream of small messages allocates nothing.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>
{
    /// <summary>What a pooled buffer holds: enough for a small call's header and arguments.</summary>
    public const int InitialSize = 512;

    private readonly MessageBufferPool? _pool;
    private byte[] _array;
    private int _length;

    public PooledBuffer(MessageBufferPool? pool = null)
    {
        _pool = pool;
        _array = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    /// <summary>Whether the array grew past <see cref="InitialSize"/> (a large message): it is not kept for reuse.</summary>
    internal bool HasGrown => _array.Length > InitialSize;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_length + count > _array.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_length);
    }

    /// <summary>Empties the buffer for the next message of its owner (a message's own buffer that did not grow).</summary>
    public void Clear() => _length = 0;

    /// <summary>Gives the buffer back (to its pool, or its array to the shared pool); it is unusable afterwards.</summary>
    public void Return()
    {
        if (_pool is not null && !HasGrown)
        {
            _length = 0;
            _pool.Return(this);
            return;
        }

        ReleaseArray();
    }

    /// <summary>Returns the array to the shared pool: for a buffer its pool does not keep.</summary>
    internal void ReleaseArray()
    {
        var array = _array;
        _array = [];
        _length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = _length + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_array);
        _array = grown;
    }
}
