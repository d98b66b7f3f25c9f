using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// The local activations of one stateless-worker grain id. A request goes to an idle worker; if none is idle and
/// the pool is below its maximum, to a new worker; otherwise to the worker with the shortest queue.
/// </summary>
internal sealed class StatelessWorkerPool(GrainId grainId, GrainClassInfo classInfo, Catalog catalog)
{
    private readonly Lock _lock = new();
    private readonly List<ActivationData> _workers = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _workers.Count;
            }
        }
    }

    public ActivationData[] Snapshot()
    {
        lock (_lock)
        {
            return [.. _workers];
        }
    }

    public void Deliver(GrainRequest request)
    {
        while (true)
        {
            ActivationData target;
            var created = false;
            lock (_lock)
            {
                target = Choose(out created);
            }

            if (created)
            {
                target.TryEnqueue(request);
                target.ScheduleActivation();
                return;
            }

            if (target.TryEnqueue(request))
            {
                return;
            }

            // That worker was just deactivated; it removes itself, choose again.
            Remove(target);
        }
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
        }
    }

    private ActivationData Choose(out bool created)
    {
        created = false;
        ActivationData? shortest = null;
        var shortestQueue = int.MaxValue;
        foreach (var worker in _workers)
        {
            if (worker.IsIdle)
            {
                return worker;
            }

            var queued = worker.QueuedRequests;
            if (queued < shortestQueue)
            {
                shortest = worker;
                shortestQueue = queued;
            }
        }

        if (shortest is not null && _workers.Count >= classInfo.MaxLocalWorkers)
        {
            return shortest;
        }

        var fresh = catalog.CreateActivation(grainId, classInfo);
        _workers.Add(fresh);
        created = true;
        return fresh;
    }
}
