using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// Runs the reminders of this silo's share of the hash ring (REMINDERS.md has the whole design).
/// <para>
/// The table (<see cref="IReminderTable"/>) is the truth; this service keeps a timer (<see cref="LocalReminder"/>) per
/// reminder whose grain hashes into the ranges this silo owns on <see cref="ReminderRing"/> (the ring of the active
/// silos, this one included while it runs). It re-reads its ranges when the membership view changes the ring, every
/// <see cref="ReminderOptions.RefreshReminderListPeriod"/>, and re-reads a single reminder when told that a grain
/// registered, changed or removed it (<see cref="NotifyAsync"/>). All of that goes through one worker, one job at a
/// time, each reading the table afresh, so the last read wins and a reminder's timer is never started twice. A
/// reminder whose version (ETag) is unchanged keeps its timer.
/// </para>
/// <para>
/// Failure modes: silos whose views differ for a moment may both run a reminder, or neither (until the views agree);
/// a failed read is retried after <see cref="RetryDelay"/>; a tick that fails is logged and counted, and the schedule
/// goes on. A silo that cannot load its reminders within <see cref="ReminderOptions.InitializationTimeout"/> fails to
/// start. Without a table (no reminder service configured) this service does nothing.
/// </para>
/// </summary>
internal sealed partial class LocalReminderService : ISiloLifecycleParticipant, IAsyncDisposable
{
    /// <summary>How many silos a change notice may pass through while their views of the ring disagree.</summary>
    private const int MaxNotifyHops = 2;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly IClusterMembershipService _membership;
    private readonly LocalSiloDetails _silo;
    private readonly IServiceProvider _services;
    private readonly ReminderOptions _options;
    private readonly Channel<ReminderWork> _work = Channel.CreateUnbounded<ReminderWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<ReminderKey, LocalReminder> _running = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private ReminderRing _ring = ReminderRing.Empty;
    private Task? _loops;
    private int _reloadQueued;
    private int _stopped;

    public LocalReminderService(
        IServiceProvider services,
        IClusterMembershipService membership,
        LocalSiloDetails silo,
        TimeProvider timeProvider,
        IOptions<ReminderOptions> options,
        ReminderInstruments instruments,
        ILogger<LocalReminderService> logger)
    {
        _services = services;
        _membership = membership;
        _silo = silo;
        _options = options.Value;
        Table = services.GetService<IReminderTable>();
        TimeProvider = timeProvider;
        Instruments = instruments;
        Logger = logger;
    }

    /// <summary>Starts once the silo is an active member (its calls go anywhere) and stops before it leaves the ring.</summary>
    public int Stage => SiloLifecycleStage.Active + 2;

    /// <summary>The configured table, or null when the silo has no reminder service.</summary>
    public IReminderTable? Table { get; }

    public TimeProvider TimeProvider { get; }

    public DateTime UtcNow => TimeProvider.GetUtcNow().UtcDateTime;

    public ReminderMissedTickPolicy MissedTickPolicy => _options.MissedTickPolicy;

    public ReminderInstruments Instruments { get; }

    public ILogger Logger { get; }

    /// <summary>How many reminders run here.</summary>
    public int RunningCount
    {
        get
        {
            lock (_lock)
            {
                return _running.Count;
            }
        }
    }

    private bool IsStarted => _loops is not null && Volatile.Read(ref _stopped) == 0;

    private IGrainReferenceRuntime Runtime => field ??= _services.GetRequiredService<SiloRuntimeClient>();

    private IGrainFactory GrainFactory => field ??= _services.GetRequiredService<IGrainFactory>();

    /// <summary>Whether this silo runs the timer of <paramref name="grainId"/>'s reminder <paramref name="reminderName"/>.</summary>
    public bool IsRunning(GrainId grainId, string reminderName)
    {
        lock (_lock)
        {
            return _running.ContainsKey(new ReminderKey(grainId, reminderName));
        }
    }

    /// <summary>The silo that runs <paramref name="grainId"/>'s reminders by this silo's view; null when no silo is active.</summary>
    public SiloAddress? OwnerOf(GrainId grainId) => (IsStarted ? Volatile.Read(ref _ring) : BuildRing(_membership.CurrentSnapshot)).Owner(grainId);

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        if (Table is null)
        {
            return;
        }

        Volatile.Write(ref _ring, BuildRing(_membership.CurrentSnapshot));
        await LoadInitialAsync(Table, cancellationToken);
        var stopping = _stopping.Token;
        _loops = Task.WhenAll(RunWorkerAsync(Table, stopping), WatchMembershipAsync(stopping), RefreshPeriodicallyAsync(stopping));
        LogStarted(Logger, RunningCount, _ring.RangesOf(_silo.SiloAddress).Count, _ring.Silos.Length);
    }

    public Task OnStopAsync(CancellationToken cancellationToken) => StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    /// <summary>
    /// A grain registered, changed or removed its reminder in the table: the silo running it (this one, or the owner by
    /// this silo's view, at most <see cref="MaxNotifyHops"/> silos on) re-reads it and starts, restarts or stops its
    /// timer. Completes when that is done. An owner that cannot be reached is left to load the reminder from the table
    /// when it (or its successor) next reads its ranges.
    /// </summary>
    public async Task NotifyAsync(GrainId grainId, string reminderName, int hops, CancellationToken cancellationToken)
    {
        if (Table is null)
        {
            // A silo without a reminder service runs no reminders (a cluster whose silos are configured differently).
            return;
        }

        var owner = OwnerOf(grainId) ?? _silo.SiloAddress;
        if (owner.Equals(_silo.SiloAddress) || hops >= MaxNotifyHops)
        {
            if (!owner.Equals(_silo.SiloAddress))
            {
                LogForwardLimit(Logger, reminderName, grainId, owner, hops);
            }

            await EnqueueChangeAsync(new ReminderKey(grainId, reminderName), cancellationToken);
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IReminderServiceTarget>(owner.ToString()).ApplyChange(grainId, reminderName, hops + 1);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
        {
            LogNotifyFailed(Logger, exception, reminderName, grainId, owner);
        }
    }

    /// <summary>Sends a tick with no ambient request context: a tick is a call of its own, not part of anyone's call chain.</summary>
    internal void Send(RemindableReference grain, ReminderTickRequest tick)
    {
        var context = RequestContext.Current;
        RequestContext.Current = null;
        try
        {
            grain.Send(tick);
        }
        finally
        {
            RequestContext.Current = context;
        }
    }

    /// <summary>Records a delivered tick in the table (catch-up policy), off the grain's turn that answered it.</summary>
    internal void RecordTick(ReminderEntry entry, DateTime firedAt)
    {
        if (Volatile.Read(ref _stopped) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static state => _ = state.Service.RecordTickAsync(state.Entry, state.FiredAt, state.Stopping),
                (Service: this, Entry: entry, FiredAt: firedAt, Stopping: _stopping.Token),
                preferLocal: false);
        }
    }

    private ReminderRing BuildRing(ClusterMembershipSnapshot snapshot) =>
        new(snapshot.ActiveSilos.Contains(_silo.SiloAddress) ? snapshot.ActiveSilos : snapshot.ActiveSilos.Add(_silo.SiloAddress));

    private Task EnqueueChangeAsync(ReminderKey key, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // After a stop the writer is complete: the change stays in the table for the next owner to load.
        return _work.Writer.TryWrite(new ReminderWork(key, done)) ? done.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    private void QueueReload()
    {
        if (Interlocked.Exchange(ref _reloadQueued, 1) == 0 && !_work.Writer.TryWrite(new ReminderWork(null, null)))
        {
            Volatile.Write(ref _reloadQueued, 0);
        }
    }

    private async Task RecordTickAsync(ReminderEntry entry, DateTime firedAt, CancellationToken cancellationToken)
    {
        try
        {
            await Table!.RecordTickAsync(entry.GrainId, entry.ReminderName, entry.ETag!, firedAt, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nobody waits for this write; the cost of losing it is one tick counted as missed at the next take-over.
            LogRecordTickFailed(Logger, exception, entry.ReminderName, entry.GrainId, firedAt);
        }
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _work.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loops is { } loops)
        {
            await loops.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        else
        {
            // The worker never ran (start failed or never came): release whoever waits on a queued change.
            while (_work.Reader.TryRead(out var left))
            {
                left.Done?.TrySetResult();
            }
        }

        LocalReminder[] stopped;
        lock (_lock)
        {
            stopped = [.. _running.Values];
            _running.Clear();
        }

        foreach (var reminder in stopped)
        {
            reminder.Dispose();
        }

        Instruments.Active.Add(-stopped.Length);
        if (Table is not null)
        {
            LogStopped(Logger, stopped.Length);
        }
    }
}
