using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>Running a request as a turn and finishing it.</summary>
internal sealed partial class ActivationData
{
    private void StartRequest(GrainRequest request)
    {
        request.StartedTimestamp = _shared.Clock.Now();
        var previous = RequestContext.Current;
        RequestContext.Current = request.CallContext;
        ValueTask pending;
        try
        {
            pending = _shared.IncomingFilters.Length == 0 && !ClassInfo.IsIncomingFilter
                ? request.InvokeAsync(_grain!)
                : new ValueTask(new IncomingGrainCallContext(request, _grain!, _shared.IncomingFilters).Invoke());
        }
        catch (Exception exception)
        {
            pending = ValueTask.FromException(exception);
        }
        finally
        {
            // The turn's continuations captured the context at their awaits; the next work item must not inherit it.
            RequestContext.Current = previous;
        }

        if (pending.IsCompleted)
        {
            FinishRequest(request, pending);
        }
        else
        {
            FinishLater(request, pending);
        }
    }

    // Apart from StartRequest so the closure is allocated only for turns that really await, not for every request.
    private void FinishLater(GrainRequest request, ValueTask pending) =>
        // Captures this activation's synchronization context, so the finish runs as one of its work items.
        pending.GetAwaiter().UnsafeOnCompleted(() => FinishRequest(request, pending));

    private void FinishRequest(GrainRequest request, ValueTask pending)
    {
        Exception? error = null;
        try
        {
            pending.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            error = exception;
        }

        var now = _shared.Clock.Now();
        lock (_lock)
        {
            _running.Remove(request);
            if (CountsAsActivity(request))
            {
                _lastActivity = now;
            }

            if (_state == ActivationState.Deactivating && _running.Count == 0)
            {
                ScheduleLocked();
            }
        }

        request.StartedTimestamp = 0;
        _catalog.CompleteRequest(request, error);
    }

    /// <summary>The running request that started longest ago, if it has run longer than <paramref name="limit"/>.</summary>
    internal GrainRequest? FindStuckRequest(long now, TimeSpan limit)
    {
        lock (_lock)
        {
            foreach (var request in _running)
            {
                var started = request.StartedTimestamp;
                if (started != 0 && _shared.Clock.Elapsed(started, now) > limit)
                {
                    return request;
                }
            }
        }

        return null;
    }
}
