using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Scheduling;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// A turn started by a connection's <see cref="ReadTurnBatch"/> instead of this activation's own work item.
///
/// <see cref="TryEnqueue"/> hands a request over this way only when the activation is idle, and marks it scheduled
/// with the request in <see cref="_handoff"/>, exactly as for its own work item, so until this step gives the thread
/// back nothing else of the grain starts: anything that arrives meanwhile (another connection's request, a timer
/// tick, a continuation) queues as it would behind a work item. Only the turn's first step runs here. A turn that
/// awaits has its continuation posted to the activation's context as always; whatever queued meanwhile then goes to
/// the pool as one ordinary work item, so a batch never runs a second piece of the grain's work.
/// </summary>
internal sealed partial class ActivationData
{
    private long _batchedTurns;

    /// <summary>Turns a connection's read batch started instead of a work item (tests and diagnostics).</summary>
    internal long BatchedTurns
    {
        get
        {
            lock (_lock)
            {
                return _batchedTurns;
            }
        }
    }

    /// <summary>Gives the handed-over request to an ordinary work item after all (the batch ran out of time).</summary>
    internal void ScheduleHandedOff() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);

    /// <summary>Runs the first step of the handed-over request on this thread, then lets go of the activation.</summary>
    internal void RunHandedOff(ReadTurnBatch batch)
    {
        var request = _handoff!;
        _handoff = null;
        var started = _shared.Clock.Now();
        var previousContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        GrainRequest? release;
        bool more;
        try
        {
            var ended = RunTurn(request);
            var now = ended.Request?.StartedTimestamp ?? 0;

            // Settled while this thread still holds the activation, as a work item settles its last turn.
            release = Settle(ended);
            lock (_lock)
            {
                if (ended.Request is not null)
                {
                    RetireLocked(ended.Request, ended.Ran, now);
                }

                // A continuation, a queued request or a lifecycle change that arrived meanwhile found the activation
                // scheduled and queued no work item: hand the activation to one now.
                more = _posted.Count > 0 || _mailbox.Count > 0 || _state != ActivationState.Valid;
                if (!more)
                {
                    _scheduled = false;
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }

        if (more)
        {
            // The global queue: this thread goes on with its batch or its connection.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }

        batch.OnTurnReturned(request.MethodId, started);

        // A caller awaiting the request directly (not a remote one, which its sink answered) must not run on this thread.
        release?.ReleaseCaller(inline: false);
    }
}
