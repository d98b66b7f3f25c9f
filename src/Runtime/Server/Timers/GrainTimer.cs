using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Timers;

/// <summary>
/// A grain timer. Each tick is queued to the activation as a request (<see cref="TimerTickRequest"/>), so it runs
/// as a turn: it waits for the activation to be free unless the timer interleaves. The next tick is armed only
/// when the previous callback has completed, so ticks of one timer never overlap and a slow callback stretches the
/// period instead of piling up ticks. Timers stop when their activation starts deactivating
/// (<see cref="ActivationData.StartDeactivation"/>).
/// </summary>
internal sealed partial class GrainTimer : IGrainTimer, IResponseSink
{
    private readonly ActivationData _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private TimeSpan _dueTime;
    private TimeSpan _period;

    public GrainTimer(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        ValidatePeriod(options.DueTime, nameof(options.DueTime));
        ValidatePeriod(options.Period, nameof(options.Period));
        _activation = activation;
        _callback = callback;
        _state = state;
        _dueTime = options.DueTime;
        _period = options.Period;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;

        // Created disarmed: a zero due time must not fire before the constructor has finished.
        _timer = activation.Shared.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnFired(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public bool NeedsResultCopy => false;

    public void Start() => Arm(_dueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidatePeriod(dueTime, nameof(dueTime));
        ValidatePeriod(period, nameof(period));
        lock (_lock)
        {
            _dueTime = dueTime;
            _period = period;
        }

        Arm(dueTime);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
        }

        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    internal Task InvokeCallbackAsync() => _callback(_state, _disposed.Token);

    private void OnFired()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        var tick = new TimerTickRequest(this) { TargetId = _activation.GrainId, ResponseSink = this };
        if (!_activation.TryEnqueue(tick))
        {
            Dispose();
        }
    }

    void IResponseSink.OnResponse(GrainRequest request, Exception? exception)
    {
        if (exception is not null && !_disposed.IsCancellationRequested)
        {
            LogTickFailed(_activation.Shared.Logger, exception, _activation.GrainId);
        }

        TimeSpan period;
        lock (_lock)
        {
            period = _period;
        }

        if (period != Timeout.InfiniteTimeSpan)
        {
            Arm(period);
        }
    }

    private void Arm(TimeSpan dueTime)
    {
        lock (_lock)
        {
            if (!_disposed.IsCancellationRequested)
            {
                _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private static void ValidatePeriod(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer period must be zero or more, or Timeout.InfiniteTimeSpan.");
        }
    }

    [LoggerMessage(SiloEventIds.TimerTickFailed, LogLevel.Warning, "A timer callback of grain {GrainId} failed; the timer keeps running")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, GrainId grainId);
}
