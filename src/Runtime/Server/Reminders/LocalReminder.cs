using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// One reminder this silo runs: a timer armed for the next scheduled time (<see cref="ReminderSchedule"/>). When it
/// fires, the timer is armed for the following time at once and the tick goes to the grain as a grain call, so ticks
/// keep their schedule however long a handler takes. At most <see cref="MaxUnansweredTicks"/> ticks are unanswered
/// at a time (one running, one waiting behind it): a tick falling due beyond that is skipped and counted, so a slow
/// handler never piles up ticks. A timer fired late (a paused process) sends one tick and goes on from the next
/// scheduled time, never a burst.
/// </summary>
internal sealed partial class LocalReminder : IResponseSink, IDisposable
{
    private const int MaxUnansweredTicks = 2;

    // The longest due time a .NET timer takes (2^32 - 2 ms, about 49.7 days): a later tick is reached in several legs.
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly LocalReminderService _service;
    private readonly RemindableReference _grain;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private DateTime _nextDue;
    private long _pendingMissed;
    private int _unanswered;
    private bool _stopped;

    public LocalReminder(ReminderEntry entry, LocalReminderService service, IGrainReferenceRuntime runtime)
    {
        Entry = entry;
        _service = service;
        _grain = new RemindableReference(entry.GrainId, runtime);
        _timer = CreateDisarmedTimer(service.TimeProvider);
    }

    public ReminderEntry Entry { get; }

    public bool NeedsResultCopy => false;

    /// <summary>Arms the timer for the first tick this silo delivers, applying the missed-tick policy.</summary>
    public void Start()
    {
        lock (_lock)
        {
            var now = _service.UtcNow;
            var missed = _service.MissedTickPolicy == ReminderMissedTickPolicy.CatchUp ? CountMissed(now) : 0;
            if (missed > 0)
            {
                _pendingMissed = missed;
                _nextDue = now;
                _service.Instruments.TicksMissed.Add(missed);
                LogCaughtUp(_service.Logger, Entry.ReminderName, Entry.GrainId, missed);
            }
            else
            {
                _nextDue = ReminderSchedule.NextAtOrAfter(Entry.StartAt, Entry.Period, now);
            }

            Arm(now);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stopped = true;
        }

        _timer.Dispose();
    }

    void IResponseSink.OnResponse(GrainRequest request, Exception? exception)
    {
        lock (_lock)
        {
            _unanswered--;
        }

        var tick = (ReminderTickRequest)request;
        if (exception is null)
        {
            _service.Instruments.TicksDelivered.Add(1);
            if (_service.MissedTickPolicy == ReminderMissedTickPolicy.CatchUp)
            {
                _service.RecordTick(Entry, tick.CoveredUntil);
            }
        }
        else
        {
            LogTickFailed(_service.Logger, exception, Entry.ReminderName, Entry.GrainId, tick.Status.CurrentTickTime);
            _service.Instruments.TicksFailed.Add(1, new KeyValuePair<string, object?>("exception", exception.GetType().Name));
        }
    }

    /// <summary>Scheduled times that fell due before <paramref name="now"/> and after the last tick recorded as delivered.</summary>
    private long CountMissed(DateTime now) => Entry.LastFiredAt is { } lastFired
        ? ReminderSchedule.CountBetween(Entry.StartAt, Entry.Period, lastFired, now)
        : ReminderSchedule.CountBetween(Entry.StartAt, Entry.Period, Entry.StartAt.AddTicks(-1), now);

    private void OnFired()
    {
        ReminderTickRequest tick;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var now = _service.UtcNow;
            if (now < _nextDue)
            {
                // One leg of a wait longer than a timer takes, or a timer that fired early.
                Arm(now);
                return;
            }

            var scheduled = _nextDue;
            var missed = _pendingMissed;
            _pendingMissed = 0;

            // A catch-up tick stands for every time up to now, so the schedule goes on strictly after now; a regular one
            // goes on after its own time but not before now, so a late timer does not fire a burst of stale ticks.
            _nextDue = missed > 0
                ? ReminderSchedule.NextAfter(Entry.StartAt, Entry.Period, now)
                : ReminderSchedule.NextAtOrAfter(Entry.StartAt, Entry.Period, now > scheduled ? now : scheduled.AddTicks(1));
            Arm(now);
            if (_unanswered >= MaxUnansweredTicks)
            {
                _service.Instruments.TicksSkipped.Add(1);
                LogTickSkipped(_service.Logger, Entry.ReminderName, Entry.GrainId, scheduled, _unanswered);
                return;
            }

            _unanswered++;
            if (missed == 0)
            {
                _service.Instruments.Tardiness.Record((now - scheduled).TotalSeconds);
            }

            tick = new ReminderTickRequest
            {
                ReminderName = Entry.ReminderName,
                Status = new TickStatus(Entry.StartAt, Entry.Period, now) { MissedTicks = (int)Math.Min(missed, int.MaxValue) },
                CoveredUntil = missed > 0 ? ReminderSchedule.LastAtOrBefore(Entry.StartAt, Entry.Period, now) ?? now : scheduled,
                ResponseSink = this,
            };
        }

        _service.Send(_grain, tick);
    }

    private void Arm(DateTime now)
    {
        var due = _nextDue - now;
        _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxTimerDue ? MaxTimerDue : due, Timeout.InfiniteTimeSpan);
    }

    // The timer must not carry the execution context of whoever started the reminder (a grain turn's request context
    // would make every tick look like part of that grain's call chain).
    private ITimer CreateDisarmedTimer(TimeProvider timeProvider)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return timeProvider.CreateTimer(static s => ((LocalReminder)s!).OnFired(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        using (ExecutionContext.SuppressFlow())
        {
            return timeProvider.CreateTimer(static s => ((LocalReminder)s!).OnFired(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    [LoggerMessage(ReminderEventIds.TickFailed, LogLevel.Warning, "Tick of reminder '{ReminderName}' of grain {GrainId} fired at {TickTime:O} failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string reminderName, GrainId grainId, DateTime tickTime);

    [LoggerMessage(ReminderEventIds.TickSkipped, LogLevel.Debug, "Skipped the tick of reminder '{ReminderName}' of grain {GrainId} due at {Scheduled:O}: {Unanswered} earlier ticks are still unanswered")]
    private static partial void LogTickSkipped(ILogger logger, string reminderName, GrainId grainId, DateTime scheduled, int unanswered);

    [LoggerMessage(ReminderEventIds.TicksCaughtUp, LogLevel.Information, "Reminder '{ReminderName}' of grain {GrainId} missed {Missed} ticks while no silo ran it; delivering one catch-up tick")]
    private static partial void LogCaughtUp(ILogger logger, string reminderName, GrainId grainId, long missed);
}
