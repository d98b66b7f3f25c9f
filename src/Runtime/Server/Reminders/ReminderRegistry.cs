using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// The reminder operations of <see cref="Grain"/>. Writes go to the table with optimistic concurrency (a lost race is
/// retried with a fresh read, a few times), then the silo that runs the grain's reminders is told to re-read it, and
/// the call completes once that silo has applied it. Registering again with the same due time and period changes
/// nothing, so the running schedule keeps its phase. Times are kept to the microsecond, the precision of PostgreSQL,
/// so every table returns what was written.
/// </summary>
internal sealed partial class ReminderRegistry(
    LocalReminderService service,
    TimeProvider timeProvider,
    IOptions<ReminderOptions> options,
    ILogger<ReminderRegistry> logger) : IReminderRegistry
{
    private const int MaxWriteAttempts = 3;

    private IReminderTable Table => service.Table ?? throw new InvalidOperationException(
        "This silo has no reminder service: add one with UseInMemoryReminderService() or UsePostgresReminderService(connectionString) on the silo builder.");

    public async Task<IGrainReminder> RegisterOrUpdateReminderAsync(
        GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken)
    {
        Validate(grainId, reminderName, dueTime, period);
        var table = Table;
        dueTime = ToMicroseconds(dueTime);
        period = ToMicroseconds(period);
        for (var attempt = 1; attempt <= MaxWriteAttempts; attempt++)
        {
            var existing = await table.ReadRowAsync(grainId, reminderName, cancellationToken);
            if (existing is not null && existing.DueTime == dueTime && existing.Period == period)
            {
                // Same schedule: keep it (and its phase). The notice still makes sure a silo runs it.
                await service.NotifyAsync(grainId, reminderName, 0, cancellationToken);
                return ReminderHandle.From(existing);
            }

            var entry = new ReminderEntry
            {
                GrainId = grainId,
                ReminderName = reminderName,
                StartAt = ToMicroseconds(timeProvider.GetUtcNow().UtcDateTime) + dueTime,
                Period = period,
                DueTime = dueTime,
            };
            if (await table.UpsertRowAsync(entry, existing?.ETag, cancellationToken) is { } etag)
            {
                await service.NotifyAsync(grainId, reminderName, 0, cancellationToken);
                return ReminderHandle.From(entry with { ETag = etag });
            }

            LogConflict(logger, reminderName, grainId, attempt);
        }

        throw new ReminderException(
            $"Reminder '{reminderName}' of grain {grainId} was changed by another writer {MaxWriteAttempts} times while it was being registered; register it again.");
    }

    public async Task<IGrainReminder?> GetReminderAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        return await Table.ReadRowAsync(grainId, reminderName, cancellationToken) is { } row ? ReminderHandle.From(row) : null;
    }

    public async Task<List<IGrainReminder>> GetRemindersAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var rows = await Table.ReadRowsAsync(grainId, cancellationToken);
        return [.. rows.OrderBy(static r => r.ReminderName, StringComparer.Ordinal).Select(static r => (IGrainReminder)ReminderHandle.From(r))];
    }

    public async Task UnregisterReminderAsync(GrainId grainId, IGrainReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (reminder is not ReminderHandle handle || !handle.GrainId.Equals(grainId))
        {
            throw new ArgumentException(
                $"{reminder} is not a reminder of grain {grainId}: unregister a handle this grain got from RegisterOrUpdateReminder, GetReminder or GetReminders.",
                nameof(reminder));
        }

        var table = Table;
        if (!await table.RemoveRowAsync(grainId, handle.ReminderName, handle.ETag, cancellationToken)
            && await table.ReadRowAsync(grainId, handle.ReminderName, cancellationToken) is { } current)
        {
            throw new ReminderException(
                $"Reminder '{handle.ReminderName}' of grain {grainId} was registered again (version {current.ETag}) after this handle (version {handle.ETag}) was obtained, so it was not removed. Get it again with GetReminder and unregister that.");
        }

        // Already gone counts as done; either way the silo running it must stop its timer.
        await service.NotifyAsync(grainId, handle.ReminderName, 0, cancellationToken);
    }

    private void Validate(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime,
                $"Reminder '{reminderName}' of grain {grainId}: the due time must be zero or positive and finite, not {dueTime}.");
        }

        if (dueTime > TimeSpan.FromDays(365 * 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime,
                $"Reminder '{reminderName}' of grain {grainId}: the due time {dueTime} is too far in the future; the limit is 1000 years.");
        }

        if (period < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder '{reminderName}' of grain {grainId}: the period must be positive and finite, not {period}. For a one-shot reminder, unregister it in its first tick.");
        }

        var minimum = options.Value.MinimumReminderPeriod;
        if (period < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period,
                $"Reminder '{reminderName}' of grain {grainId}: the period {period} is shorter than {nameof(ReminderOptions)}.{nameof(ReminderOptions.MinimumReminderPeriod)} ({minimum}). Use a grain timer for shorter intervals.");
        }
    }

    private static TimeSpan ToMicroseconds(TimeSpan value) => TimeSpan.FromTicks(value.Ticks - value.Ticks % TimeSpan.TicksPerMicrosecond);

    private static DateTime ToMicroseconds(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);

    [LoggerMessage(ReminderEventIds.RegistrationConflict, LogLevel.Debug, "Registering reminder '{ReminderName}' of grain {GrainId} lost a race with another writer (attempt {Attempt}); reading it again")]
    private static partial void LogConflict(ILogger logger, string reminderName, GrainId grainId, int attempt);
}
