using System.Buffers;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// A growable buffer rented from <see cref="ArrayPool{T}.Shared"/>: a message is serialized into it on the caller's
/// thread (so a codec failure fails that call, not the connection), and the connection's writer copies it out and
/// returns the array.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>
{
    private const int InitialSize = 512;
    private byte[] _array;
    private int _length;

    public PooledBuffer(int sizeHint = InitialSize) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, InitialSize));

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

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

    /// <summary>Returns the array to the pool; the buffer is unusable afterwards.</summary>
    public void Return()
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
