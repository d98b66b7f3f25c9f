using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tge.Reliability;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>
/// One TGE source: a poll loop on a one-shot grain timer re-armed after every poll with the adaptive interval
/// (<see cref="PollInterval"/>), fetching through the host's <see cref="Interfaces.Tge.Sources.IHostGuardGrain"/>
/// and publishing new items on <c>tge.raw</c>.
///
/// Turns. The grain is not reentrant, but its poll timer interleaves: a fetch can take seconds (retries, a slow
/// host), and status reads, pause and remove must not wait behind it. Every change of persisted state (start,
/// pause, resume, remove, the end of a poll) therefore runs under <see cref="_stateLock"/>, and a change of settings
/// or pause bumps <see cref="_generation"/> and cancels the poll in flight, whose result is then dropped.
/// Polls never overlap: a poll waits for the one in flight (<see cref="_polling"/>).
///
/// Emit once. An item is new when its id is not in the bounded seen-item memory (<see cref="SeenItems"/>). New
/// items are published first, then remembered and persisted with the body's validators: a crash between the two
/// emits those items again on restart (at least once), and a failed publish leaves them to the next poll (never
/// lost). Items of a body are emitted oldest first (feeds list newest first).
///
/// Life. Settings are persisted; on activation a configured, unpaused source polls at once. A keep-alive timer holds
/// the activation against idle collection and a reminder reactivates it after its silo is lost. The tuned floor is
/// not persisted here but shared by the performance grain in the memory coordinator, and taken back on activation
/// beside the first poll, never before it (<see cref="RecallAsync"/>).
/// </summary>
internal sealed partial class SourceGrain(
    [PersistentState("source", PersistentStateAttribute.DefaultStorageName)] IPersistentState<SourceGrainState> state,
    IOptions<SourcePollingOptions> options,
    TimeProvider time,
    ILogger<SourceGrain> logger)
    : Grain, ISourceGrain, IRemindable
{
    public const string KeepAliveReminder = "tge-source-keepalive";

    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _stateLock = new(1, 1);
    private readonly SourceCounters _counters = new();
    private SeenItems _seen = null!;
    private PollInterval? _interval;
    private IGrainTimer? _pollTimer;
    private IGrainTimer? _keepAlive;
    private CancellationTokenSource? _pollCancellation;
    private Task<TgeSourcePollResult>? _polling;
    private int _generation;
    private DateTimeOffset? _lastPollAt;
    private DateTimeOffset? _nextPollAt;
    private TgePollOutcome? _lastOutcome;
    private TimeSpan? _lastDetectionLag;
    private TimeSpan? _lastFetchDuration;
    private IAsyncStream<TgeItem>? _stream;

    private string SourceId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _seen = new SeenItems(options.Value.RememberedItems);
        _seen.Load(state.State.SeenIds);
        if (state.State.Settings is { } settings)
        {
            _interval = new PollInterval(settings.MinInterval, settings.MaxInterval);
            if (!state.State.Paused)
            {
                StartPolling();
            }

            ScheduleRecall();
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopPolling();
        return Task.CompletedTask;
    }

    public Task<TgeSourcePollResult> PollNowAsync(CancellationToken cancellationToken) => PollAsync();

    public Task TuneAsync(TimeSpan? minInterval, CancellationToken cancellationToken)
    {
        if (_interval is { } interval)
        {
            var floor = interval.Tune(minInterval);
            SourceLog.Tuned(logger, SourceId, floor);
        }

        return Task.CompletedTask;
    }

    public Task<TgeSourceStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var settings = state.State.Settings;
        var run = settings is null ? TgeSourceRunState.Unconfigured : state.State.Paused ? TgeSourceRunState.Paused : TgeSourceRunState.Running;
        return Task.FromResult(new TgeSourceStatus(
            SourceId,
            run,
            RuntimeIdentity,
            settings,
            _lastPollAt,
            _lastOutcome,
            _counters.LastReason,
            run == TgeSourceRunState.Running ? _nextPollAt : null,
            _interval?.Current ?? TimeSpan.Zero,
            _interval is { } i && settings is not null && i.Floor != settings.MinInterval ? i.Floor : null,
            _counters.Polls,
            _counters.ItemsSeen,
            _counters.ItemsEmitted,
            _counters.NotModified,
            _counters.ConsecutiveErrors,
            _counters.Errors,
            _counters.ItemProblems,
            _counters.RecentItemIds,
            _seen.Count,
            _lastDetectionLag,
            _lastFetchDuration,
            state.State.Owner));
    }

    // The tick itself is the point: it activates the source, and activation starts polling.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private void RequireConfigured()
    {
        if (state.State.Settings is null)
        {
            throw new InvalidOperationException($"Source '{SourceId}' is not configured; start it with settings first.");
        }
    }

    private void StartPolling()
    {
        _pollCancellation = new CancellationTokenSource();
        _keepAlive ??= RegisterGrainTimer(
            static (grain, _) => grain.AnnounceAsync(), this, new GrainTimerCreationOptions(KeepAlivePeriod, KeepAlivePeriod) { KeepAlive = true, Interleave = true });
        SchedulePoll(TimeSpan.Zero);
        _ = AnnounceAsync();
    }

    // One-way: the performance grain is told, never waited for, so a source polls whether or not it is there.
    private Task AnnounceAsync() => state.State.Settings is { } settings
        ? GrainFactory.GetGrain<IPerformanceGrain>(0).WatchAsync(SourceId, HostKey.Of(new Uri(settings.Url)), CancellationToken.None)
        : Task.CompletedTask;

    private Task WithdrawAsync() => GrainFactory.GetGrain<IPerformanceGrain>(0).UnwatchAsync(SourceId, CancellationToken.None);

    /// <summary>Stops the loop: the poll in flight is cancelled and its result dropped; the timer stays for a restart.</summary>
    private void StopPolling()
    {
        _generation++;
        // Cancelled, not disposed: the poll in flight still holds its token.
        _pollCancellation?.Cancel();
        _pollCancellation = null;
        _pollTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _keepAlive?.Dispose();
        _keepAlive = null;
        _nextPollAt = null;
    }

    private void SchedulePoll(TimeSpan due)
    {
        _nextPollAt = time.GetUtcNow() + due;
        if (_pollTimer is null)
        {
            _pollTimer = RegisterGrainTimer(
                static (grain, _) => grain.OnPollTimerAsync(),
                this,
                new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
        else
        {
            _pollTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }
}
