using System.Buffers;
using System.Buffers.Binary;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// The writer loop's outgoing bytes: a batch of frames in one pooled array, written to the socket in one call.
/// A frame reserves its 4-byte length prefix, the message writer appends the payload, and the prefix is patched
/// afterwards, so a message is serialized once. Because nothing reaches the socket before the batch is complete, a
/// frame that fails (writer threw, over the maximum) is cut off again and the stream stays intact — a pipe writer
/// cannot take back bytes once advanced, which is why the send side does not use one.
/// </summary>
internal sealed class FrameBuffer : IBufferWriter<byte>, IDisposable
{
    public const int PrefixLength = 4;

    private const int InitialSize = 16 * 1024;

    // A buffer grown for a large message goes back to the pool after its batch, so an idle connection holds 16 KiB.
    private const int RetainedSize = 256 * 1024;

    private readonly int _maxFrameSize;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _written;
    private int _frameStart = -1;

    public FrameBuffer(int maxFrameSize) => _maxFrameSize = maxFrameSize;

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void BeginFrame()
    {
        EnsureCapacity(PrefixLength);
        _frameStart = _written;
        _written += PrefixLength;
    }

    /// <summary>Patches the length prefix of the current frame and returns the payload length.</summary>
    public int EndFrame()
    {
        var length = _written - _frameStart - PrefixLength;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_frameStart, PrefixLength), length);
        _frameStart = -1;
        return length;
    }

    /// <summary>Drops the current frame, as if it had never been begun.</summary>
    public void AbandonFrame()
    {
        _written = _frameStart;
        _frameStart = -1;
    }

    public void Reset()
    {
        _written = 0;
        _frameStart = -1;
        if (_buffer.Length > RetainedSize)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        }
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _buffer.Length - _written)
        {
            throw new InvalidOperationException("Advanced past the memory handed out.");
        }

        // Checked as the payload grows, so a runaway message fails before it has eaten memory up to its full size.
        if (_frameStart >= 0 && (long)_written + count - _frameStart - PrefixLength > _maxFrameSize)
        {
            throw new FrameTooLargeException($"The frame exceeds the maximum frame size of {_maxFrameSize} bytes.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void EnsureCapacity(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_written + needed));
        var grown = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _written).CopyTo(grown);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }
}
