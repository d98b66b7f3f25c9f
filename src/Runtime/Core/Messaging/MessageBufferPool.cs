using System.Collections.Concurrent;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Serialization buffers for messages, kept with their arrays. A message's buffer is taken on the caller's thread
/// and given back by the connection's writer loop, and with hundreds of calls in flight hundreds of buffers are out
/// at once: more than the shared array pool keeps per size (it then allocates), hence a pool of our own, sized for
/// that. Lock-free in both directions; beyond <see cref="MaxKept"/> idle buffers a returned one is let go.
/// </summary>
internal sealed class MessageBufferPool
{
    /// <summary>Idle buffers kept at most (512 KiB of arrays): a few thousand calls in flight reuse every buffer.</summary>
    public const int MaxKept = 1024;

    private readonly ConcurrentQueue<PooledBuffer> _idle = new();
    private int _count;

    public PooledBuffer Rent()
    {
        if (_idle.TryDequeue(out var buffer))
        {
            Interlocked.Decrement(ref _count);
            return buffer;
        }

        return new PooledBuffer(this);
    }

    /// <summary>Takes back an empty buffer whose array is still the small one it started with.</summary>
    public void Return(PooledBuffer buffer)
    {
        if (Interlocked.Increment(ref _count) <= MaxKept)
        {
            _idle.Enqueue(buffer);
            return;
        }

        Interlocked.Decrement(ref _count);
        buffer.ReleaseArray();
    }
}
