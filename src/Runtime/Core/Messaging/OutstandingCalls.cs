using System.Collections.Concurrent;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Calls sent to another process and waiting for the response, by message id. A response, a timeout, a cancelled
/// token or the target's death takes the call out exactly once; whoever takes it completes it.
///
/// Ids are handed out in sequence, so a call lives in the slot its id names in a fixed ring (<c>id % SlotCount</c>):
/// adding and taking are one compare-and-swap each, with no lock and no allocation. Callers add on their threads
/// while receive loops take out on theirs, hundreds of times per millisecond; a dictionary took a bucket lock and
/// allocated a node for each. A slot is still taken only when a call has waited while <see cref="SlotCount"/> newer
/// ones were sent (a long call under load): that call's successor goes to a dictionary beside the ring.
/// </summary>
internal sealed class OutstandingCalls
{
    /// <summary>Ring size: far more than the calls one process keeps in flight (thousands).</summary>
    public const int SlotCount = 8192;

    private const long SlotMask = SlotCount - 1;

    private readonly GrainRequest?[] _slots = new GrainRequest?[SlotCount];
    private readonly ConcurrentDictionary<long, GrainRequest> _overflow = new();
    private long _lastId;

    // How many calls the dictionary holds, so the common path skips it without touching its locks.
    private int _overflowCount;

    /// <summary>Calls waiting now (a scan: for draining and diagnostics, not the call path).</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var request in _slots)
            {
                if (request is not null)
                {
                    count++;
                }
            }

            return count + _overflow.Count;
        }
    }

    /// <summary>Assigns the request a fresh message id and records it as waiting on <paramref name="target"/>.</summary>
    public long Add(GrainRequest request, SiloAddress? target)
    {
        var id = Interlocked.Increment(ref _lastId);
        request.MessageId = id;
        request.TargetSilo = target;

        // The exchange publishes the fields set above to whoever finds the request in its slot.
        if (Interlocked.CompareExchange(ref _slots[id & SlotMask], request, null) is null)
        {
            return id;
        }

        Interlocked.Increment(ref _overflowCount);
        _overflow[id] = request;
        return id;
    }

    /// <summary>
    /// Takes out the call a response answers. Its id is cleared, so completing it does not look for it a second time
    /// (<see cref="TryRemove"/> would only miss).
    /// </summary>
    public bool TryTake(long id, out GrainRequest request)
    {
        ref var slot = ref _slots[id & SlotMask];
        var found = Volatile.Read(ref slot);
        if (found is not null && found.MessageId == id && ReferenceEquals(Interlocked.CompareExchange(ref slot, null, found), found))
        {
            found.MessageId = 0;
            request = found;
            return true;
        }

        if (Volatile.Read(ref _overflowCount) > 0 && _overflow.TryRemove(id, out request!))
        {
            Interlocked.Decrement(ref _overflowCount);
            request.MessageId = 0;
            return true;
        }

        request = null!;
        return false;
    }

    /// <summary>Takes <paramref name="request"/> out if it is still waiting; false if a response or failure got there first.</summary>
    public bool TryRemove(GrainRequest request)
    {
        var id = request.MessageId;
        if (id == 0)
        {
            return false;
        }

        if (ReferenceEquals(Interlocked.CompareExchange(ref _slots[id & SlotMask], null, request), request))
        {
            return true;
        }

        return Volatile.Read(ref _overflowCount) > 0 && TryRemoveOverflow(id, request);
    }

    /// <summary>Takes out every call waiting on <paramref name="silo"/> (it died; the calls fail).</summary>
    public List<GrainRequest> TakeAllFor(SiloAddress silo) => TakeWhere(request => silo.Equals(request.TargetSilo));

    /// <summary>Adds the calls whose deadline passed at <paramref name="now"/> to <paramref name="expired"/> (they stay in; failing takes them out).</summary>
    public void CollectExpired(long now, List<GrainRequest> expired)
    {
        foreach (var request in _slots)
        {
            if (request is not null && request.DeadlineTimestamp != 0 && request.DeadlineTimestamp <= now)
            {
                expired.Add(request);
            }
        }

        foreach (var (_, request) in _overflow)
        {
            if (request.DeadlineTimestamp != 0 && request.DeadlineTimestamp <= now)
            {
                expired.Add(request);
            }
        }
    }

    /// <summary>Takes out every waiting call (the process stops, or the client lost its last gateway).</summary>
    public List<GrainRequest> TakeAll() => TakeWhere(static _ => true);

    private List<GrainRequest> TakeWhere(Func<GrainRequest, bool> predicate)
    {
        var taken = new List<GrainRequest>();
        for (var i = 0; i < _slots.Length; i++)
        {
            var request = Volatile.Read(ref _slots[i]);
            if (request is not null && predicate(request) && ReferenceEquals(Interlocked.CompareExchange(ref _slots[i], null, request), request))
            {
                taken.Add(request);
            }
        }

        foreach (var (id, request) in _overflow)
        {
            if (predicate(request) && TryRemoveOverflow(id, request))
            {
                taken.Add(request);
            }
        }

        return taken;
    }

    private bool TryRemoveOverflow(long id, GrainRequest request)
    {
        if (!_overflow.TryRemove(new KeyValuePair<long, GrainRequest>(id, request)))
        {
            return false;
        }

        Interlocked.Decrement(ref _overflowCount);
        return true;
    }
}
