using System.Buffers;

namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// Reassembles one WebSocket message at a time in a buffer rented from <see cref="ArrayPool{T}"/>, so reading a
/// frame allocates nothing. The buffer grows by doubling up to <see cref="FeedLimits.MaxFrameBytes"/>; a message
/// that goes past the limit is read on into the same buffer from its start and dropped at its end, so a runaway
/// frame costs at most one limit-sized buffer, never its whole size. After a large frame (a full-book snapshot)
/// the buffer shrinks back, so hundreds of idle connections do not each keep megabytes.
/// </summary>
internal sealed class FrameAssembler : IDisposable
{
    private const int InitialSize = 64 * 1024;
    // A receive into less than this would split messages into needlessly many reads.
    private const int MinimumFree = 4 * 1024;
    private const int ShrinkAbove = 1024 * 1024;

    private readonly int _maxFrameBytes;
    private byte[] _buffer;
    private int _length;
    private long _discarded;

    public FrameAssembler(int maxFrameBytes = FeedLimits.MaxFrameBytes)
    {
        _maxFrameBytes = maxFrameBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, maxFrameBytes));
    }

    /// <summary>Whether the message being read has already passed the limit.</summary>
    public bool IsDiscarding => _discarded > 0;

    /// <summary>Where the next chunk of the message goes.</summary>
    public Memory<byte> GetMemory()
    {
        var free = _buffer.Length - _length;
        if (free < MinimumFree && _buffer.Length < _maxFrameBytes)
        {
            Grow();
        }
        else if (free == 0 || _length >= _maxFrameBytes)
        {
            // The limit is reached and the message goes on: it is too large. Read the rest over the same bytes.
            _discarded += _length;
            _length = 0;
        }

        return _buffer.AsMemory(_length, Math.Min(_buffer.Length, _maxFrameBytes) - _length);
    }

    /// <summary>Records <paramref name="count"/> bytes received into <see cref="GetMemory"/>.</summary>
    public void Advance(int count) => _length += count;

    /// <summary>The complete message; valid until <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> Message => _buffer.AsSpan(0, _length);

    /// <summary>Bytes of the message so far, discarded ones included.</summary>
    public long MessageBytes => _discarded + _length;

    /// <summary>Forgets the message just handled and, after a large one, gives the large buffer back.</summary>
    public void Reset()
    {
        _length = 0;
        _discarded = 0;
        if (_buffer.Length > ShrinkAbove)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxFrameBytes));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
