namespace TgeSwarm.Runtime.Reminders;

/// <summary>The in-memory reminder table of a cluster: one grain (key 0) that every silo's <see cref="InMemoryReminderTable"/> calls.</summary>
[Alias("swarm.reminder-table")]
internal interface IReminderTableGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    Task<ReminderRow?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    [ReadOnly]
    Task<List<ReminderRow>> ReadRowsOfGrain(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Rows whose grain hash lies in one of the ranges, each <c>(begin, end]</c> as <see cref="ReminderRange"/> reads it.</summary>
    [ReadOnly]
    Task<List<ReminderRow>> ReadRowsInRanges(List<(uint, uint)> ranges, CancellationToken cancellationToken);

    Task<string?> Upsert(ReminderRow row, string? expectedETag, CancellationToken cancellationToken);

    Task<bool> Remove(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken);

    Task<bool> RecordTick(GrainId grainId, string reminderName, string eTag, DateTime firedAt, CancellationToken cancellationToken);
}
