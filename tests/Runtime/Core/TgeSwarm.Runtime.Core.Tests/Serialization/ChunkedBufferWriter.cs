using System.Buffers;

namespace TgeSwarm.Runtime.Tests.Serialization;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hands out spans of exactly the size asked for (at least one byte), so every
/// write of the <see cref="SwarmWriter"/> runs at the end of its span and takes the path that asks for a new one.
/// </summary>
internal sealed class ChunkedBufferWriter : IBufferWriter<byte>
{
    private readonly List<byte> _written = [];
    private byte[] _current = [];

    public byte[] WrittenBytes => [.. _written];

    public void Advance(int count)
    {
        if ((uint)count > (uint)_current.Length)
        {
            throw new InvalidOperationException($"Advanced {count} bytes past a span of {_current.Length}.");
        }

        _written.AddRange(_current.AsSpan(0, count));
        _current = [];
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _current = new byte[Math.Max(sizeHint, 1)];

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
}
