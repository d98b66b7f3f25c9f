using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Timers;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>Activation and deactivation, each run as a lifecycle step that holds the activation like a turn.</summary>
internal sealed partial class ActivationData
{
    private bool _activationStarted;
    private bool _deactivationStarted;
    private bool _registered;
    private DeactivationReason? _deactivateAfterActivation;

    /// <summary>
    /// Asks the activation to deactivate once its running turns end (at once if it is stuck). Requests queued
    /// meanwhile go to the next activation. Its timers stop here rather than at the deactivation step: a running
    /// callback sees its token cancelled, so a long tick (a poll, a reconciliation pass) ends instead of holding up
    /// the deactivation, and a silo stop, until its timeout.
    /// </summary>
    public void StartDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_state == ActivationState.Activating)
            {
                _deactivateAfterActivation ??= reason;
                return;
            }

            if (_state != ActivationState.Valid)
            {
                return;
            }

            _state = ActivationState.Deactivating;
            _deactivationReason = reason;
            ScheduleLocked();
        }

        DisposeTimers();
    }

    /// <summary>Starts the activation step; the catalog calls it once, right after registering the activation.</summary>
    public void ScheduleActivation()
    {
        lock (_lock)
        {
            ScheduleLocked();
        }
    }

    /// <summary>Whether it is idle past its collection age and not kept alive, at timestamp <paramref name="now"/>.</summary>
    public bool IsCollectable(long now)
    {
        lock (_lock)
        {
            return _state == ActivationState.Valid
                && _running.Count == 0
                && _mailbox.Count == 0
                && now >= _keepAliveUntil
                && _shared.Clock.Elapsed(_lastActivity, now) >= ClassInfo.CollectionAge;
        }
    }

    private LifecycleStep NextLifecycleStepLocked()
    {
        if (_lifecycleStepRunning)
        {
            return LifecycleStep.None;
        }

        if (_state == ActivationState.Activating && !_activationStarted)
        {
            _activationStarted = true;
            return LifecycleStep.Activate;
        }

        var stuck = _deactivationReason.ReasonCode == DeactivationReasonCode.ActivationUnresponsive;
        if (_state == ActivationState.Deactivating && !_deactivationStarted && (_running.Count == 0 || stuck))
        {
            _deactivationStarted = true;
            return LifecycleStep.Deactivate;
        }

        return LifecycleStep.None;
    }

    private void RunLifecycleStep(LifecycleStep step)
    {
        // Both steps catch everything they can fail with, so the returned task never faults unobserved.
        _ = step == LifecycleStep.Activate ? ActivateAsync() : DeactivateAsync();
    }

    private async Task ActivateAsync()
    {
        Exception? failure = null;
        var phase = "registering in the grain directory";
        using var timeout = new CancellationTokenSource(_shared.Collection.ActivationTimeout, _shared.TimeProvider);
        try
        {
            if (!ClassInfo.IsStatelessWorker && !ClassInfo.IsSystemTarget)
            {
                // Register before anything else: a loser must never construct the grain, load state or run user code.
                var winner = await _shared.Directory.RegisterAsync(Address, 0, timeout.Token);
                if (!winner.Equals(Address) && _catalog.IsStaleLocalEntry(winner))
                {
                    // An earlier activation here failed or left without unregistering: its entry is not a rival.
                    await _shared.Directory.UnregisterAsync(winner, 0, timeout.Token);
                    winner = await _shared.Directory.RegisterAsync(Address, 0, timeout.Token);
                }

                if (!winner.Equals(Address))
                {
                    StandDown(winner);
                    return;
                }

                _registered = true;
            }

            phase = "constructing the grain";
            var states = new IActivationState[ClassInfo.States.Count];
            for (var i = 0; i < states.Length; i++)
            {
                states[i] = ClassInfo.States[i].Create(this);
            }

            _states = states;
            var grain = (Grain)ClassInfo.Factory(_shared.Services, states);
            grain.Attach(this);
            _grain = grain;
            phase = "loading its state";
            foreach (var state in states)
            {
                await state.ReadStateAsync(timeout.Token);
            }

            phase = "OnActivateAsync";
            await grain.OnActivateAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        GrainRequest[] failed = [];
        var stopTimers = false;
        lock (_lock)
        {
            _lifecycleStepRunning = false;
            if (failure is null)
            {
                _state = ActivationState.Valid;
                if (_deactivateAfterActivation is { } reason)
                {
                    _state = ActivationState.Deactivating;
                    _deactivationReason = reason;
                    stopTimers = true;
                }
            }
            else
            {
                _state = ActivationState.Invalid;
                failed = [.. _mailbox];
                _mailbox.Clear();
            }

            ScheduleLocked();
        }

        if (failure is null)
        {
            _shared.Instruments.ActivationsCreated.Add(1);
            if (stopTimers)
            {
                DisposeTimers();
            }

            return;
        }

        DisposeTimers();
        LogActivationFailed(_shared.Logger, failure, GrainId);
        if (_registered)
        {
            await UnregisterAsync();
        }

        _shared.Instruments.ActivationsFailed.Add(1);
        _catalog.OnActivationFailed(this);
        foreach (var request in failed)
        {
            _catalog.CompleteRequest(request, new ActivationFailedException(
                $"Grain {GrainId} could not be activated to run {request}: {phase} failed with {failure.GetType().Name}: {failure.Message}", failure));
        }

        _deactivated.TrySetResult();
    }

    private async Task DeactivateAsync()
    {
        DisposeTimers();
        var reason = _deactivationReason;
        if (_grain is not null && reason.ReasonCode != DeactivationReasonCode.ActivationUnresponsive)
        {
            using var timeout = new CancellationTokenSource(_shared.Collection.DeactivationTimeout, _shared.TimeProvider);
            try
            {
                await _grain.OnDeactivateAsync(reason, timeout.Token);
            }
            catch (Exception exception)
            {
                // The activation goes anyway: a failing OnDeactivateAsync must not pin it in memory.
                LogDeactivationFailed(_shared.Logger, exception, GrainId, reason.ReasonCode);
            }
        }

        GrainRequest[] handOver;
        GrainRequest[] abandoned;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            _lifecycleStepRunning = false;

            // A tick queued before the timers stopped belongs to this instance: handed over, it would run this
            // instance's callback on the next activation, and create that activation for nothing.
            handOver = [.. _mailbox.Where(static request => request is not TimerTickRequest)];
            _mailbox.Clear();
            abandoned = [.. _running];
        }

        if (_registered)
        {
            // Before the hand-over, so the next activation registers afresh instead of finding this one.
            await UnregisterAsync();
        }

        _catalog.OnDeactivated(this, reason, handOver);
        foreach (var request in abandoned)
        {
            _catalog.CompleteRequest(request, new TimeoutException(
                $"{request} on grain {GrainId} ran longer than {_shared.Messaging.MaxRequestProcessingTime}; the activation was declared stuck and deactivated."));
        }

        _deactivated.TrySetResult();
    }

    /// <summary>Lost the registration: leave without running anything and send queued calls to the winner.</summary>
    private void StandDown(Directory.GrainAddress winner)
    {
        GrainRequest[] queued;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            _lifecycleStepRunning = false;
            queued = [.. _mailbox];
            _mailbox.Clear();
        }

        _catalog.OnDuplicate(this, winner, queued);
        _deactivated.TrySetResult();
    }

    private async Task UnregisterAsync()
    {
        using var timeout = new CancellationTokenSource(_shared.Collection.DeactivationTimeout, _shared.TimeProvider);
        try
        {
            await _shared.Directory.UnregisterAsync(Address, 0, timeout.Token);
        }
        catch (OperationCanceledException exception)
        {
            // A stale entry is harmless: the next registration checks whether its silo still hosts it.
            LogUnregisterTimedOut(_shared.Logger, exception, GrainId);
        }
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
