namespace TgeSwarm.Runtime;

/// <summary>
/// Implemented by a grain class (or its grain interface) that registers reminders. Each tick arrives as a grain call
/// on the grain, wherever it lives, activating it if needed; it follows the class's reentrancy rules and counts as
/// activity for idle collection. A tick may arrive twice while silos agree on a new owner of the reminder, so the
/// handler must be idempotent.
/// </summary>
public interface IRemindable : IGrain
{
    /// <summary>One tick of the reminder <paramref name="reminderName"/>.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
