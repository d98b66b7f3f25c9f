using System.Collections.Concurrent;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Calls sent to another process and waiting for the response, by message id. A response, a timeout, a cancelled
/// token or the target's death takes the call out exactly once; whoever takes it completes it.
/// </summary>
internal sealed class OutstandingCalls
{
    // Callers add on their threads while receive loops take out on theirs, hundreds of times per millisecond under
    // load: the default (one lock per core, a table grown from 31 buckets) made them queue on each other's bucket
    // locks. Sized for a few thousand calls in flight.
    private readonly ConcurrentDictionary<long, GrainRequest> _pending = new(concurrencyLevel: 64, capacity: 4096);
    private long _lastId;

    public int Count => _pending.Count;

    /// <summary>Assigns the request a fresh message id and records it as waiting on <paramref name="target"/>.</summary>
    public long Add(GrainRequest request, SiloAddress? target)
    {
        var id = Interlocked.Increment(ref _lastId);
        request.MessageId = id;
        request.TargetSilo = target;
        _pending[id] = request;
        return id;
    }

    /// <summary>
    /// Takes out the call a response answers. Its id is cleared, so completing it does not look for it a second time
    /// (<see cref="TryRemove"/> would take a bucket lock only to miss).
    /// </summary>
    public bool TryTake(long id, out GrainRequest request)
    {
        if (!_pending.TryRemove(id, out request!))
        {
            return false;
        }

        request.MessageId = 0;
        return true;
    }

    /// <summary>Takes <paramref name="request"/> out if it is still waiting; false if a response or failure got there first.</summary>
    public bool TryRemove(GrainRequest request) =>
        request.MessageId != 0 && _pending.TryRemove(new KeyValuePair<long, GrainRequest>(request.MessageId, request));

    /// <summary>Takes out every call waiting on <paramref name="silo"/> (it died; the calls fail).</summary>
    public List<GrainRequest> TakeAllFor(SiloAddress silo)
    {
        var taken = new List<GrainRequest>();
        foreach (var (id, request) in _pending)
        {
            if (silo.Equals(request.TargetSilo) && _pending.TryRemove(new KeyValuePair<long, GrainRequest>(id, request)))
            {
                taken.Add(request);
            }
        }

        return taken;
    }

    /// <summary>Adds the calls whose deadline passed at <paramref name="now"/> to <paramref name="expired"/> (they stay in; failing takes them out).</summary>
    public void CollectExpired(long now, List<GrainRequest> expired)
    {
        foreach (var (_, request) in _pending)
        {
            if (request.DeadlineTimestamp != 0 && request.DeadlineTimestamp <= now)
            {
                expired.Add(request);
            }
        }
    }

    /// <summary>Takes out every waiting call (the process stops, or the client lost its last gateway).</summary>
    public List<GrainRequest> TakeAll()
    {
        var taken = new List<GrainRequest>();
        foreach (var (id, request) in _pending)
        {
            if (_pending.TryRemove(new KeyValuePair<long, GrainRequest>(id, request)))
            {
                taken.Add(request);
            }
        }

        return taken;
    }
}
