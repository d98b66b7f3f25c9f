namespace TgeSwarm.Runtime.Reminders;

/// <summary>The <see cref="IReminderTable"/> of <c>UseInMemoryReminderService</c>: every call goes to the cluster's <see cref="IReminderTableGrain"/>.</summary>
internal sealed class InMemoryReminderTable(IGrainFactory grainFactory) : IReminderTable
{
    /// <summary>The grain type of the table grain, for its collection-age exemption.</summary>
    public const string GrainType = "swarm.reminder-table";

    private IReminderTableGrain Grain => grainFactory.GetGrain<IReminderTableGrain>(0);

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        (await Grain.ReadRow(grainId, reminderName, cancellationToken))?.ToEntry();

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken) =>
        [.. (await Grain.ReadRowsOfGrain(grainId, cancellationToken)).Select(static r => r.ToEntry())];

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(IReadOnlyList<ReminderRange> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var rows = await Grain.ReadRowsInRanges([.. ranges.Select(static r => (r.Begin, r.End))], cancellationToken);
        return [.. rows.Select(static r => r.ToEntry())];
    }

    public Task<string?> UpsertRowAsync(ReminderEntry entry, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Grain.Upsert(ReminderRow.From(entry), expectedETag, cancellationToken);
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        Grain.Remove(grainId, reminderName, eTag, cancellationToken);

    public Task<bool> RecordTickAsync(GrainId grainId, string reminderName, string eTag, DateTime firedAt, CancellationToken cancellationToken) =>
        Grain.RecordTick(grainId, reminderName, eTag, firedAt, cancellationToken);
}
