using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Timers;

namespace TgeSwarm.Runtime.Catalog;

/// <summary>
/// One activation of one grain: the grain instance, its mailbox and its turn scheduler.
///
/// Guarantees. Grain code of an activation never runs on two threads at once: every piece of it — the first
/// step of a request, each continuation after an await, timer ticks, <c>OnActivateAsync</c> — runs as a work
/// item of this activation, and the work items run one at a time on the thread pool (see
/// <c>ActivationData.Scheduling.cs</c>). The activation is its own <see cref="SynchronizationContext"/> while it
/// runs, so awaits inside grain code come back here; <c>Task.WhenAll</c> fan-out stays inside too. Code that
/// escapes with <c>ConfigureAwait(false)</c> or <c>Task.Run</c> leaves the grain's protection, as in Orleans.
///
/// Turns. A request occupies the activation from its first step until its task completes. Another request may
/// start meanwhile only if the class is <c>[Reentrant]</c>, the method is <c>[AlwaysInterleave]</c>, both are
/// <c>[ReadOnly]</c>, or the call chain allows reentrancy and already passes through this grain. A request whose
/// call chain passes through this busy, non-reentrant grain can never start — it would wait on itself — so it
/// fails at once with <see cref="DeadlockException"/> naming the chain, instead of timing out.
///
/// Lifecycle. The activation is in the catalog before its state is loaded (register, then activate), so there is
/// never a second one on this silo. Requests queue while it activates; if activation fails they all fail with
/// <see cref="ActivationFailedException"/> and the next call starts afresh. Deactivation waits for running turns,
/// runs <c>OnDeactivateAsync</c>, leaves the catalog, then hands queued requests back to the catalog for a new
/// activation, so nothing queued is lost.
/// </summary>
internal sealed partial class ActivationData : IGrainContext
{
    private readonly Lock _lock = new();
    private readonly ActivationServices _shared;
    private readonly Catalog _catalog;
    private readonly Queue<GrainRequest> _mailbox = new();
    private readonly List<GrainRequest> _running = new(1);
    private readonly List<GrainTimer> _timers = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _number;
    private ActivationState _state = ActivationState.Activating;
    private Grain? _grain;
    private IActivationState[] _states = [];
    private DeactivationReason _deactivationReason;
    private long _lastActivity;
    private long _keepAliveUntil;

    public ActivationData(GrainId grainId, GrainClassInfo classInfo, Catalog catalog, ActivationServices shared, long number)
    {
        GrainId = grainId;
        ClassInfo = classInfo;
        _catalog = catalog;
        _shared = shared;
        _number = number;
        _syncContext = new ActivationSynchronizationContext(this);
        _lastActivity = shared.Clock.Now();
    }

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public string RuntimeIdentity => _shared.Silo.SiloAddress.ToString();

    /// <summary>This activation's entry in the grain directory.</summary>
    public Directory.GrainAddress Address => field ??= new(GrainId, _shared.Silo.SiloAddress, _number);

    public string ActivationIdentity => $"[Activation: {_shared.Silo.SiloAddress}/{GrainId}@{_number}]";

    public IGrainFactory GrainFactory => _shared.GrainFactory;

    public IServiceProvider ServiceProvider => _shared.Services;

    /// <summary>Completes when the activation has left the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    internal ActivationServices Shared => _shared;

    public ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public void DeactivateOnIdle() => StartDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    public void DelayDeactivation(TimeSpan period)
    {
        var until = _shared.Clock.After(period);
        lock (_lock)
        {
            _keepAliveUntil = Math.Max(_keepAliveUntil, until);
        }
    }

    public IGrainTimer RegisterGrainTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, state, options);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                timer.Dispose();
                return timer;
            }

            _timers.Add(timer);
        }

        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    /// <summary>A storage write was refused: the in-memory state is stale, so this activation must go once idle.</summary>
    internal void OnInconsistentState()
    {
        LogInconsistentState(_shared.Logger, GrainId);
        StartDeactivation(new DeactivationReason(DeactivationReasonCode.InconsistentState, "A storage write was refused by its ETag check."));
    }

    public ActivationInfo Describe(long now)
    {
        lock (_lock)
        {
            return new ActivationInfo(
                GrainId,
                RuntimeIdentity,
                _state.ToString(),
                _running.Count,
                _mailbox.Count,
                _running.Count > 0 ? TimeSpan.Zero : _shared.Clock.Elapsed(_lastActivity, now));
        }
    }

    public override string ToString() => ActivationIdentity;
}
