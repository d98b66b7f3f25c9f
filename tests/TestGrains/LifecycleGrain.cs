namespace TgeSwarm.TestGrains;

public sealed class LifecycleGrain(TestSignals signals) : Grain, ILifecycleGrain
{
    private IGrainTimer? _timer;
    private int _ticks;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        signals.Log.Enqueue($"activate:{GetPrimaryKeyLong()}");
        if (GetPrimaryKeyLong() < 0)
        {
            throw new InvalidOperationException($"Negative keys refuse to activate ({GetPrimaryKeyLong()}).");
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        signals.Log.Enqueue($"deactivate:{GetPrimaryKeyLong()}:{reason.ReasonCode}");
        signals.Open($"deactivated:{GetPrimaryKeyLong()}");
        return Task.CompletedTask;
    }

    public Task<string> PingAsync() => Task.FromResult(IdentityString);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task StartTimerAsync(TimeSpan period, bool keepAlive)
    {
        _timer = RegisterGrainTimer(
            ct =>
            {
                _ticks++;
                signals.Log.Enqueue($"tick:{GetPrimaryKeyLong()}:{_ticks}");
                signals.Open($"tick:{GetPrimaryKeyLong()}:{_ticks}");
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(period, period) { KeepAlive = keepAlive });
        return Task.CompletedTask;
    }

    public Task StopTimerAsync()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task StartWaitingTimerAsync(TimeSpan dueTime)
    {
        var key = GetPrimaryKeyLong();
        _timer = RegisterGrainTimer(
            async ct =>
            {
                signals.Open($"timer-waiting:{key}");
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    signals.Log.Enqueue($"timer-cancelled:{key}");
                }
            },
            new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public async Task HoldAsync(string gate)
    {
        signals.Open($"holding:{GetPrimaryKeyLong()}");
        await signals.Gate(gate);
    }

    public Task DeactivateWhileBusyAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
