namespace TgeSwarm.Runtime.Reminders;

/// <summary>One grain's reminder by name: the identity of a reminder in the table and on the silo running it.</summary>
internal readonly record struct ReminderKey(GrainId GrainId, string ReminderName)
{
    public static ReminderKey Of(ReminderEntry entry) => new(entry.GrainId, entry.ReminderName);

    public override string ToString() => $"'{ReminderName}' of {GrainId}";
}
