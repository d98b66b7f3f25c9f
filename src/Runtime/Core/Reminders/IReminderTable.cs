namespace TgeSwarm.Runtime;

/// <summary>
/// Where a service's reminders are kept: one row per (grain, reminder name), versioned by an ETag. The silos' reminder
/// services read the rows of their share of the hash ring from it and run the timers; grains write through it when
/// they register or unregister. Implementations: the in-memory table (<c>UseInMemoryReminderService</c>) and
/// PostgreSQL (<c>UsePostgresReminderService</c>). A table is scoped to one service id.
/// </summary>
public interface IReminderTable
{
    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Every reminder whose <see cref="ReminderEntry.GrainHash"/> lies in one of <paramref name="ranges"/>.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(IReadOnlyList<ReminderRange> ranges, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="entry"/> if the stored row is at <paramref name="expectedETag"/> (null: if there is no
    /// row). Returns the new ETag, or null when the stored row is not the expected one and nothing was written. The
    /// new row has no <see cref="ReminderEntry.LastFiredAt"/>: a new schedule starts afresh.
    /// </summary>
    Task<string?> UpsertRowAsync(ReminderEntry entry, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Removes the row if it is at <paramref name="eTag"/>; false when it is gone or at another version.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="firedAt"/> (the scheduled time of a delivered tick) as the row's
    /// <see cref="ReminderEntry.LastFiredAt"/> if the row is still at <paramref name="eTag"/> and the time is later than
    /// the one recorded. The ETag does not change: a handle a grain holds stays valid. False when the row is gone or at
    /// another version.
    /// </summary>
    Task<bool> RecordTickAsync(GrainId grainId, string reminderName, string eTag, DateTime firedAt, CancellationToken cancellationToken);
}
