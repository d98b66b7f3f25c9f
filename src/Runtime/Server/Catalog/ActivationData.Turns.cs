using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>Running a request as a turn and finishing it.</summary>
internal sealed partial class ActivationData
{
    /// <summary>
    /// Runs the first step of <paramref name="request"/>'s turn. A turn that ended in it comes back to be retired
    /// with the next work item's lock; one that awaits comes back empty and finishes in <see cref="FinishRequest"/>.
    /// </summary>
    private EndedTurn RunTurn(GrainRequest request)
    {
        if (request.Abandoned)
        {
            // Handed over while idle, then its caller stopped waiting: dropped unrun, as if still queued.
            return new EndedTurn(request, null, Ran: false);
        }

        request.StartedTimestamp = _shared.Clock.Now();
        var previous = RequestContext.Current;
        var swapped = !ReferenceEquals(previous, request.CallContext);
        if (swapped)
        {
            RequestContext.Current = request.CallContext;
        }

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
            // (Grain code may have set a context of its own even when the request brought none, so always restore.)
            RequestContext.Current = previous;
        }

        if (pending.IsCompleted)
        {
            return new EndedTurn(request, pending.IsCompletedSuccessfully ? null : ErrorOf(pending), Ran: true);
        }

        FinishLater(request, pending);
        return default;
    }

    // Apart from RunTurn so the closure is allocated only for turns that really await, not for every request.
    private void FinishLater(GrainRequest request, ValueTask pending) =>
        // Captures this activation's synchronization context, so the finish runs as one of its work items.
        pending.GetAwaiter().UnsafeOnCompleted(() => FinishRequest(request, pending));

    private void FinishRequest(GrainRequest request, ValueTask pending) =>
        Retire(new EndedTurn(request, ErrorOf(pending), Ran: true));

    private static Exception? ErrorOf(ValueTask pending)
    {
        try
        {
            pending.GetAwaiter().GetResult();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>Releases the caller of an ended turn, then takes it out of the running set under its own lock.</summary>
    private void Retire(EndedTurn ended)
    {
        if (ended.Request is null)
        {
            return;
        }

        // Read before the caller is released, so the turn's duration does not include the caller's continuation.
        var now = _shared.Clock.Now();
        Complete(ended, now);
        lock (_lock)
        {
            RetireLocked(ended.Request, ended.Ran, now);
        }
    }

    private void RetireLocked(GrainRequest request, bool ran, long now)
    {
        _running.Remove(request);
        if (ran && CountsAsActivity(request))
        {
            _lastActivity = now;
        }

        if (_state == ActivationState.Deactivating && _running.Count == 0)
        {
            ScheduleLocked();
        }
    }

    /// <summary>Releases the caller of a retired turn (a dropped request's caller was answered when it gave up).</summary>
    private void Complete(EndedTurn ended, long now)
    {
        if (ended.Request is { } request && ended.Ran)
        {
            RecordDuration(request, now);
            request.StartedTimestamp = 0;
            _catalog.CompleteRequest(request, ended.Error);
        }
    }

    /// <summary>As <see cref="Complete"/>, but a caller awaiting the request directly comes back to be released later.</summary>
    private GrainRequest? Settle(EndedTurn ended)
    {
        if (ended.Request is { } request && ended.Ran)
        {
            // The turn ended without awaiting: the scheduler takes its start as its end, so the clock is read only
            // for a listener.
            RecordDuration(request, 0);
            request.StartedTimestamp = 0;
            return _catalog.SettleRequest(request, ended.Error) ? request : null;
        }

        return null;
    }

    /// <summary>
    /// Records how long <paramref name="request"/>'s turn ran, ending at <paramref name="now"/> (0: read the clock).
    /// With no listener this is one flag check: no clock read, no tag.
    /// </summary>
    private void RecordDuration(GrainRequest request, long now)
    {
        var histogram = _shared.Instruments.CallDuration;
        if (histogram.Enabled && request.StartedTimestamp != 0)
        {
            var clock = _shared.Clock;
            var seconds = clock.Elapsed(request.StartedTimestamp, now == 0 ? clock.Now() : now).TotalSeconds;
            histogram.Record(seconds, new KeyValuePair<string, object?>("grain_type", ClassInfo.GrainType));
        }
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

    /// <summary>A turn that ended (or a request dropped unrun), still to be taken out of the running set.</summary>
    private readonly record struct EndedTurn(GrainRequest? Request, Exception? Error, bool Ran);
}
