namespace TgeSwarm.Runtime.Reminders;

/// <summary>One silo's reminder service, as other silos call it (a system target keyed by the silo's address).</summary>
[Alias("sys.reminders")]
internal interface IReminderServiceTarget : IGrainWithStringKey
{
    /// <summary>
    /// The reminder was registered, changed or removed in the table: re-read it and start, restart or stop its timer
    /// here, or pass the notice on to the silo that runs it by this silo's view (<paramref name="hops"/> so far).
    /// </summary>
    Task ApplyChange(GrainId grainId, string reminderName, int hops);
}
