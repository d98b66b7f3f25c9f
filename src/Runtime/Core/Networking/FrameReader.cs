using System.Buffers;
using System.Buffers.Binary;

namespace TgeSwarm.Runtime.Networking;

/// <summary>Cuts length-prefixed frames (4-byte little-endian length, then the payload) off the front of received bytes.</summary>
internal static class FrameReader
{
    /// <summary>
    /// Takes one complete frame off <paramref name="segment"/> at <paramref name="offset"/> and moves the offset past
    /// it; false when the segment holds no whole frame there (it may continue in the next segment: then
    /// <see cref="TryRead"/> cuts it). The common case, frames inside one buffer segment, needs no sequence slicing.
    /// Throws <see cref="FrameTooLargeException"/> as <see cref="TryRead"/> does.
    /// </summary>
    public static bool TryReadContiguous(ReadOnlyMemory<byte> segment, ref int offset, int maxFrameSize, out ReadOnlyMemory<byte> frame)
    {
        var rest = segment.Span[offset..];
        if (rest.Length < FrameBuffer.PrefixLength)
        {
            frame = default;
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(rest);
        CheckLength(length, maxFrameSize);
        if (rest.Length - FrameBuffer.PrefixLength < length)
        {
            frame = default;
            return false;
        }

        frame = segment.Slice(offset + FrameBuffer.PrefixLength, length);
        offset += FrameBuffer.PrefixLength + length;
        return true;
    }

    /// <summary>
    /// Takes one complete frame off <paramref name="buffer"/>; false when more bytes are needed. Throws
    /// <see cref="FrameTooLargeException"/> as soon as a prefix announces more than <paramref name="maxFrameSize"/>,
    /// before any of that frame is buffered.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxFrameSize, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.Length < FrameBuffer.PrefixLength)
        {
            return false;
        }

        int length;
        if (buffer.FirstSpan.Length >= FrameBuffer.PrefixLength)
        {
            length = BinaryPrimitives.ReadInt32LittleEndian(buffer.FirstSpan);
        }
        else
        {
            Span<byte> prefix = stackalloc byte[FrameBuffer.PrefixLength];
            buffer.Slice(0, FrameBuffer.PrefixLength).CopyTo(prefix);
            length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        }

        CheckLength(length, maxFrameSize);

        if (buffer.Length - FrameBuffer.PrefixLength < length)
        {
            return false;
        }

        frame = buffer.Slice(FrameBuffer.PrefixLength, length);
        buffer = buffer.Slice(frame.End);
        return true;
    }

    private static void CheckLength(int length, int maxFrameSize)
    {
        // A negative length reads as a huge unsigned one: refused by the same check.
        if ((uint)length > (uint)maxFrameSize)
        {
            throw new FrameTooLargeException(
                $"The peer announced a frame of {(uint)length} bytes, over the maximum frame size of {maxFrameSize} bytes (ConnectionOptions.MaxFrameSize).");
        }
    }
}
