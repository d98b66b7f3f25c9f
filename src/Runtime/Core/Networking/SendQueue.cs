using System.Collections.Concurrent;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// A connection's outgoing messages: any number of senders, one writer loop, at most a fixed number of messages.
/// <para>
/// It replaces a bounded <c>Channel</c>, which takes its lock on every write and every read: with hundreds of calls in
/// flight both cores met on that lock several times per call. Here a send is one interlocked add on a counter (the
/// bound) and a lock-free enqueue; the writer's take is a dequeue and an interlocked subtract. The counter also
/// carries <see cref="ClosedBit"/>, so a send and <see cref="Complete"/> cannot miss each other: a sender counts itself
/// before it looks at the bit, and the closing side, having set the bit, waits in <see cref="TryTakeRemaining"/> until
/// every counted sender has enqueued (or backed out) — no message is accepted after the last one is taken.
/// </para>
/// <para>
/// Wake-ups follow one pattern twice: each side publishes its intent with an interlocked operation (a full fence)
/// and then looks at the other side's state, so at least one of them sees the other. The writer, before it waits,
/// publishes a wake-up source and looks at the queue once more; a sender, after enqueuing, takes that source if one is
/// published and completes it on the pool's global queue (never inside the sender). A sender waiting for room
/// counts itself in <see cref="_roomWaiters"/> before it tries; the writer, after a take, completes the room signal
/// if anyone waits.
/// </para>
/// </summary>
internal sealed class SendQueue
{
    private const int ClosedBit = 1 << 30;

    private readonly ConcurrentQueue<Message> _messages = new();
    private readonly int _capacity;
    private readonly Lock _roomLock = new();

    // Messages accepted and not yet taken, counting senders between their count and their enqueue; | ClosedBit.
    private int _state;
    private TaskCompletionSource? _writerWake;
    private int _roomWaiters;
    private TaskCompletionSource? _room;

    public SendQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = Math.Min(capacity, ClosedBit - 1);
    }

    /// <summary>Messages accepted and not yet taken by the writer.</summary>
    public int Count => Volatile.Read(ref _state) & ~ClosedBit;

    public bool IsCompleted => (Volatile.Read(ref _state) & ClosedBit) != 0;

    /// <summary>Accepts <paramref name="message"/> unless the queue is full or completed.</summary>
    public bool TryEnqueue(Message message)
    {
        var state = Interlocked.Increment(ref _state);
        if ((state & ClosedBit) != 0 || state > _capacity)
        {
            Interlocked.Decrement(ref _state);
            return false;
        }

        _messages.Enqueue(message);
        if (Volatile.Read(ref _writerWake) is not null && Interlocked.Exchange(ref _writerWake, null) is { } wake)
        {
            Wake(wake);
        }

        return true;
    }

    /// <summary>Accepts <paramref name="message"/>, waiting while the queue is full; false once it is completed.</summary>
    public async ValueTask<bool> EnqueueAsync(Message message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _roomWaiters);
        try
        {
            var spin = new SpinWait();
            while (true)
            {
                Task room;
                lock (_roomLock)
                {
                    if (TryEnqueue(message))
                    {
                        return true;
                    }

                    if (IsCompleted)
                    {
                        return false;
                    }

                    if (Count >= _capacity)
                    {
                        room = (_room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                    }
                    else
                    {
                        // Refused only because another sender's refused count had not been taken back yet: a moment.
                        room = Task.CompletedTask;
                    }
                }

                if (room.IsCompleted)
                {
                    spin.SpinOnce();
                }
                else
                {
                    await room.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _roomWaiters);
        }
    }

    /// <summary>The writer's take; call <see cref="OnTaken"/> after a batch of takes.</summary>
    public bool TryDequeue(out Message message)
    {
        if (!_messages.TryDequeue(out message!))
        {
            return false;
        }

        Interlocked.Decrement(ref _state);
        return true;
    }

    /// <summary>Tells senders waiting for room that there is some (after the writer took messages).</summary>
    public void OnTaken()
    {
        if (Volatile.Read(ref _roomWaiters) != 0)
        {
            SignalRoom();
        }
    }

    /// <summary>The writer's wait: true when there is a message to take, false once the queue is completed and empty.</summary>
    public async ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_messages.IsEmpty)
            {
                return true;
            }

            if (IsCompleted)
            {
                return false;
            }

            // Completed only through Wake, on a pool thread of its own, so the writer continues inline there.
            var wake = new TaskCompletionSource();
            Interlocked.Exchange(ref _writerWake, wake);
            if ((!_messages.IsEmpty || IsCompleted) && Interlocked.CompareExchange(ref _writerWake, null, wake) == wake)
            {
                // Something arrived while the source was being published, and no sender took it: look again.
                continue;
            }

            await wake.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Refuses every later send and wakes the writer and the senders waiting for room.</summary>
    public void Complete()
    {
        if ((Interlocked.Or(ref _state, ClosedBit) & ClosedBit) != 0)
        {
            return;
        }

        if (Interlocked.Exchange(ref _writerWake, null) is { } wake)
        {
            Wake(wake);
        }

        SignalRoom();
    }

    /// <summary>
    /// After <see cref="Complete"/>: takes the messages still accepted, waiting out senders that counted themselves
    /// before the queue completed and have not enqueued yet (a few instructions). False when none is left.
    /// </summary>
    public bool TryTakeRemaining(out Message message)
    {
        var spin = new SpinWait();
        while (true)
        {
            if (TryDequeue(out message))
            {
                return true;
            }

            if (Count == 0)
            {
                return false;
            }

            spin.SpinOnce();
        }
    }

    /// <summary>
    /// Resumes the writer on the pool's global queue. Completing the source here would run the writer inside the
    /// sender; letting the task queue it would put it on the sender's local queue, behind whatever that thread runs
    /// next (a receive loop's whole read, a chain of caller continuations), where it stalled every connection's sends
    /// (measured: calls/s at 16 in flight fell to a quarter).
    /// </summary>
    private static void Wake(TaskCompletionSource wake) =>
        ThreadPool.UnsafeQueueUserWorkItem(static w => w.TrySetResult(), wake, preferLocal: false);

    private void SignalRoom()
    {
        lock (_roomLock)
        {
            _room?.TrySetResult();
            _room = null;
        }
    }
}
