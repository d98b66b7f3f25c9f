namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// One job for the reminder service's worker: re-read one reminder (<see cref="Key"/>) after it was registered, changed
/// or removed, or, with no key, re-read every reminder of this silo's ranges. <see cref="Done"/>, if any, completes
/// when the job has been applied.
/// </summary>
internal sealed record ReminderWork(ReminderKey? Key, TaskCompletionSource? Done);
