namespace TgeSwarm.Runtime.Reminders;

/// <summary>The <see cref="IGrainReminder"/> grains get: one version (<see cref="ETag"/>) of one grain's reminder.</summary>
internal sealed record ReminderHandle(GrainId GrainId, string ReminderName, string ETag, DateTime StartAt, TimeSpan Period) : IGrainReminder
{
    public static ReminderHandle From(ReminderEntry entry) =>
        new(entry.GrainId, entry.ReminderName, entry.ETag ?? throw new ArgumentException($"{entry} has no ETag: it was not read from a table.", nameof(entry)), entry.StartAt, entry.Period);

    public override string ToString() => $"reminder '{ReminderName}' of {GrainId} (version {ETag})";
}
