namespace TgeSwarm.Feeds.Replay;

/// <summary>A growable byte buffer reused for every unescaped frame of a replay.</summary>
internal sealed class ScratchBuffer
{
    public byte[] Bytes { get; private set; } = new byte[64 * 1024];

    public Span<byte> Ensure(int length)
    {
        if (Bytes.Length < length)
        {
            Bytes = new byte[Math.Max(length, Bytes.Length * 2)];
        }

        return Bytes;
    }
}
