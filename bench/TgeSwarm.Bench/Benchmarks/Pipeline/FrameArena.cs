namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// Frames written back to back into 1 MiB chunks: a million small frames as a million arrays would cost the GC
/// (and the benchmark's working set) more than the frames themselves.
/// </summary>
internal sealed class FrameArena
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Largest frame a writer may put into one reservation.</summary>
    public const int MaxFrameBytes = 4096;

    private byte[] _chunk = new byte[ChunkBytes];
    private int _used;

    /// <summary>Room for one frame of up to <see cref="MaxFrameBytes"/>; <see cref="Commit"/> says how much was used.</summary>
    public Span<byte> Reserve()
    {
        if (ChunkBytes - _used < MaxFrameBytes)
        {
            _chunk = new byte[ChunkBytes];
            _used = 0;
        }

        return _chunk.AsSpan(_used, MaxFrameBytes);
    }

    public ReadOnlyMemory<byte> Commit(int length)
    {
        var frame = _chunk.AsMemory(_used, length);
        _used += length;
        return frame;
    }
}
