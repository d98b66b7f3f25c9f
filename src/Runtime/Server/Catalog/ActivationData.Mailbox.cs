using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Timers;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>Admission of requests and the decision which queued request may start a turn.</summary>
internal sealed partial class ActivationData
{
    /// <summary>
    /// Queues <paramref name="request"/>, or answers it at once (deadlock, full mailbox). False means this
    /// activation has left the catalog and the caller must look the grain up again.
    /// </summary>
    public bool TryEnqueue(GrainRequest request)
    {
        Exception? rejection;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            rejection = AdmitLocked(request);
            if (rejection is null)
            {
                if (!_scheduled && _state == ActivationState.Valid && _running.Count == 0 && _mailbox.Count == 0)
                {
                    // Idle: it would be the next request dequeued anyway; the work item starts it without dequeuing.
                    _running.Add(request);
                    _handoff = request;
                }
                else
                {
                    _mailbox.Enqueue(request);
                }

                ScheduleLocked();
                return true;
            }
        }

        _shared.Instruments.CallsRejected.Add(1);
        _catalog.CompleteRequest(request, rejection);
        return true;
    }

    public int QueuedRequests
    {
        get
        {
            lock (_lock)
            {
                return _mailbox.Count;
            }
        }
    }

    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return _running.Count == 0 && _mailbox.Count == 0 && _state == ActivationState.Valid;
            }
        }
    }

    private Exception? AdmitLocked(GrainRequest request)
    {
        if (_mailbox.Count >= _shared.Messaging.MaxEnqueuedRequests)
        {
            LogMailboxFull(_shared.Logger, GrainId, request, _mailbox.Count);
            return new ActivationOverloadedException(
                $"Grain {GrainId} refused {request}: its mailbox holds {_mailbox.Count} requests, the limit ({nameof(Configuration.SiloMessagingOptions.MaxEnqueuedRequests)}).");
        }

        var context = request.CallContext;
        if (context is not null && _running.Count > 0 && context.ChainContains(GrainId) && !MayInterleaveLocked(request))
        {
            var chain = string.Join(" -> ", context.CallChain.Select(static g => g.ToString()).Append(GrainId.ToString()));
            LogDeadlock(_shared.Logger, GrainId, request, chain);
            return new DeadlockException(
                $"Deadlock: {request} on grain {GrainId} would wait for itself. Call chain: {chain}. Mark the grain [Reentrant], the method [AlwaysInterleave] or [ReadOnly], or wrap the outer call in RequestContext.AllowCallChainReentrancy().",
                [.. context.CallChain, GrainId]);
        }

        return null;
    }

    /// <summary>Adds the queued and running requests whose caller's deadline passed at <paramref name="now"/>.</summary>
    public void CollectExpired(long now, List<GrainRequest> expired)
    {
        lock (_lock)
        {
            foreach (var request in _mailbox)
            {
                if (request.DeadlineTimestamp != 0 && request.DeadlineTimestamp <= now)
                {
                    expired.Add(request);
                }
            }

            foreach (var request in _running)
            {
                if (request.DeadlineTimestamp != 0 && request.DeadlineTimestamp <= now)
                {
                    expired.Add(request);
                }
            }
        }
    }

    /// <summary>The next request allowed to start a turn now, moved from the mailbox to the running set; null if none.</summary>
    private GrainRequest? DequeueStartableLocked()
    {
        if (_state != ActivationState.Valid || _lifecycleStepRunning)
        {
            return null;
        }

        // A caller that stopped waiting (timeout, cancellation) gets nothing from running its request: drop it.
        while (_mailbox.TryPeek(out var abandoned) && abandoned.Abandoned)
        {
            _mailbox.Dequeue();
        }

        if (_mailbox.Count == 0)
        {
            return null;
        }

        var head = _mailbox.Peek();
        if (_running.Count == 0 || MayInterleaveLocked(head))
        {
            _mailbox.Dequeue();
            _running.Add(head);
            return head;
        }

        return DequeueInterleavingLocked();
    }

    /// <summary>
    /// The head must wait; a request further back may still interleave (a reentrant call chain coming back here must
    /// not queue behind a request that waits on that very chain). Rare, so rebuilding the queue is fine.
    /// </summary>
    private GrainRequest? DequeueInterleavingLocked()
    {
        GrainRequest? found = null;
        foreach (var candidate in _mailbox)
        {
            if (MayInterleaveLocked(candidate))
            {
                found = candidate;
                break;
            }
        }

        if (found is null)
        {
            return null;
        }

        var rest = _mailbox.Where(r => !ReferenceEquals(r, found)).ToArray();
        _mailbox.Clear();
        foreach (var r in rest)
        {
            _mailbox.Enqueue(r);
        }

        _running.Add(found);
        return found;
    }

    private bool MayInterleaveLocked(GrainRequest request)
    {
        if (ClassInfo.IsReentrant || (request.Options & InvokeOptions.AlwaysInterleave) != 0)
        {
            return true;
        }

        if ((request.Options & InvokeOptions.ReadOnly) != 0 && _running.TrueForAll(static r => (r.Options & InvokeOptions.ReadOnly) != 0))
        {
            return true;
        }

        return request.CallContext is { AllowCallChainReentrancy: true } context && context.ChainContains(GrainId);
    }

    /// <summary>Whether a finished request counts as activity that postpones idle collection.</summary>
    private static bool CountsAsActivity(GrainRequest request) => request is not TimerTickRequest { KeepAlive: false };
}
