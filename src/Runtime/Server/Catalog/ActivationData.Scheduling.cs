using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// The turn scheduler. Work items (posted continuations and new turns) are drained by one thread-pool work item
/// at a time; <see cref="_scheduled"/> guarantees there is never a second. A quantum bounds how long one
/// activation keeps a pool thread before yielding it to others.
/// </summary>
internal sealed partial class ActivationData : IThreadPoolWorkItem
{
    private const int WorkItemsPerQuantum = 64;

    // Which activation is running on this thread, if any. Thread-static rather than AsyncLocal because every piece of
    // grain code runs inside Execute below, and reading a thread-static is free on the call path; it is what lets an
    // outgoing call name its calling grain (call chains, deadlock detection) without the grain passing anything.
    [ThreadStatic]
    private static ActivationData? _currentOnThread;

    private readonly ActivationSynchronizationContext _syncContext;
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();
    private bool _scheduled;
    private bool _lifecycleStepRunning;

    /// <summary>The activation whose work item this thread is running, or null outside grain code.</summary>
    internal static ActivationData? Current => _currentOnThread;

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
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previousContext = SynchronizationContext.Current;
        var previousActivation = _currentOnThread;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        _currentOnThread = this;
        try
        {
            for (var i = 0; i < WorkItemsPerQuantum; i++)
            {
                if (!RunNextWorkItem())
                {
                    return;
                }
            }

            // Quantum used up with work left: go to the back of the pool's queue so other activations get a thread.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            _currentOnThread = previousActivation;
            SynchronizationContext.SetSynchronizationContext(previousContext);
        }
    }

    /// <summary>Runs one work item; false (and unscheduled) when there was nothing to run.</summary>
    private bool RunNextWorkItem()
    {
        (SendOrPostCallback Callback, object? State) posted;
        GrainRequest? request = null;
        var lifecycleStep = LifecycleStep.None;
        lock (_lock)
        {
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
                return false;
            }
        }

        if (request is not null)
        {
            StartRequest(request);
        }
        else if (lifecycleStep != LifecycleStep.None)
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
