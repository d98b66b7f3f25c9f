using System.Buffers;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>Frames as one span, which the serializer reads: almost always the socket buffer itself, else a pooled copy.</summary>
internal static class Frames
{
    /// <summary>
    /// <paramref name="frame"/> as one span. A frame spread over several buffer segments is copied into an array
    /// rented from the shared pool and returned in <paramref name="rented"/>, which the caller returns after use.
    /// </summary>
    public static ReadOnlySpan<byte> Contiguous(in ReadOnlySequence<byte> frame, out byte[]? rented)
    {
        if (frame.IsSingleSegment)
        {
            rented = null;
            return frame.FirstSpan;
        }

        var length = (int)frame.Length;
        rented = ArrayPool<byte>.Shared.Rent(length);
        frame.CopyTo(rented);
        return rented.AsSpan(0, length);
    }

    public static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
