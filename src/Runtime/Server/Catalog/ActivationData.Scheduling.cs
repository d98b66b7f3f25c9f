using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// The turn scheduler. Work items (posted continuations, lifecycle steps and new turns) are drained by one
/// thread-pool work item at a time; <see cref="_scheduled"/> guarantees there is never a second. A quantum bounds
/// how long one activation keeps a pool thread before yielding it to others.
///
/// The lock is taken as few times per request as the bookkeeping allows, because on the call path it is taken
/// on one core and next on another: a request reaching an idle activation is handed to the work item it schedules
/// (<see cref="_handoff"/>) instead of being queued and dequeued; a turn that ends without awaiting is retired in
/// the same lock that takes the next work item (or finds none and unschedules). A synchronous call therefore
/// costs two lock acquisitions, not four. When that turn was the work item's last, its caller is released on this
/// thread after the work item let go of the activation (no lock held, no grain context set), instead of through
/// a second trip through the pool's queue.
/// </summary>
internal sealed partial class ActivationData : IThreadPoolWorkItem
{
    private const int WorkItemsPerQuantum = 64;

    private readonly ActivationSynchronizationContext _syncContext;
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();
    private bool _scheduled;
    private bool _lifecycleStepRunning;

    // A request TryEnqueue put straight into _running because the activation was idle (valid, nothing running, queued
    // or scheduled). Only the work item scheduled with it reads and clears it: it is set only while no work item is
    // scheduled, and queueing that work item orders the write before Execute runs.
    private GrainRequest? _handoff;

    /// <summary>
    /// The activation whose work item this thread is running, or null outside grain code: what lets an outgoing call
    /// name its calling grain (call chains, deadlock detection) without the grain passing anything. Every piece of
    /// grain code runs inside Execute below with the activation's synchronization context set, so that context says
    /// which activation it is (one thread-local read, where a thread-static of our own would cost four more per work item).
    /// </summary>
    internal static ActivationData? Current =>
        SynchronizationContext.Current is ActivationSynchronizationContext context ? context.Activation : null;

    internal void Post(SendOrPostCallback callback, object? state)
    {
        lock (_lock)
        {
            _posted.Enqueue((callback, state));
            ScheduleLocked();
        }
    }

    private void ScheduleLocked()
    {
        if (!_scheduled)
        {
            _scheduled = true;

            // The local queue of the thread that made the work, as a task continuation would go: it usually runs the
            // turn as soon as its own work item ends, with the request, the lock and the mailbox still in its cache,
            // and idle threads steal from it. (Measured: 0.59 -> 0.71 of the channel baseline with 64 local callers.)
            // The quantum's re-queue in Execute goes to the global queue, behind everyone else, for fairness.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previousContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        GrainRequest? release = null;
        try
        {
            var request = _handoff;
            _handoff = null;
            var ended = default(EndedTurn);
            var items = 0;
            for (; items < WorkItemsPerQuantum; items++)
            {
                if (request is null && !TryTakeWorkItem(ref ended, out request, out release))
                {
                    break;
                }

                if (request is not null)
                {
                    ended = RunTurn(request);
                    request = null;
                }
            }

            if (items == WorkItemsPerQuantum)
            {
                // Quantum used up with work left: go to the back of the pool's queue so other activations get a thread.
                Retire(ended);
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }

        // Outside the activation now (its context is gone from this thread): the caller may continue right here.
        release?.ReleaseCaller(inline: true);
    }

    /// <summary>
    /// Settles the outcome of <paramref name="ended"/>, then retires it and takes the next work item in one lock. A new
    /// turn comes back in <paramref name="request"/>; a posted continuation or lifecycle step runs here. False (and
    /// unscheduled) when there was nothing to run: then <paramref name="release"/> is the caller still to release.
    /// </summary>
    private bool TryTakeWorkItem(ref EndedTurn ended, out GrainRequest? request, out GrainRequest? release)
    {
        (SendOrPostCallback Callback, object? State) posted;
        var lifecycleStep = LifecycleStep.None;
        // A turn that ended without awaiting ended when it started, as far as a millisecond clock can tell.
        var now = ended.Request?.StartedTimestamp ?? 0;
        // Settled while this work item still holds the activation, so a result copy or a response serialization never
        // races the next turn. (A response sink answers its caller at once; a call sent before the retirement below
        // queues behind.)
        var settled = Settle(ended);

        bool found;
        lock (_lock)
        {
            if (ended.Request is not null)
            {
                RetireLocked(ended.Request, ended.Ran, now);
            }

            request = null;
            found = true;
            if (_posted.TryDequeue(out posted))
            {
                // Continuations of running turns go first: they finish work that is already holding the activation.
            }
            else if ((lifecycleStep = NextLifecycleStepLocked()) != LifecycleStep.None)
            {
                _lifecycleStepRunning = true;
            }
            else if ((request = DequeueStartableLocked()) is null)
            {
                _scheduled = false;
                found = false;
            }
        }

        ended = default;
        release = found ? null : settled;
        if (found)
        {
            // More to run here: the caller need not wait for it.
            settled?.ReleaseCaller(inline: false);
        }

        if (request is not null || !found)
        {
            return found;
        }

        if (lifecycleStep != LifecycleStep.None)
        {
            RunLifecycleStep(lifecycleStep);
        }
        else
        {
            try
            {
                posted.Callback(posted.State);
            }
            catch (Exception exception)
            {
                // Await continuations handle their own exceptions; anything escaping here is a runtime bug. Log it and
                // keep the activation's loop alive rather than wedge the grain with its work item marked scheduled.
                LogWorkItemFailed(_shared.Logger, exception, GrainId);
            }
        }

        // Anything the item itself left behind (a continuation after this point, a cleared turn) is picked up by the loop.
        return true;
    }
}
