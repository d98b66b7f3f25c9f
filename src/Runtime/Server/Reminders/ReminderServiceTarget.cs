namespace TgeSwarm.Runtime.Reminders;

/// <summary>Serves <see cref="IReminderServiceTarget"/> on this silo. Reentrant: notices for different reminders never wait on each other.</summary>
[Reentrant]
internal sealed class ReminderServiceTarget(LocalReminderService service) : Grain, IReminderServiceTarget
{
    public Task ApplyChange(GrainId grainId, string reminderName, int hops) =>
        service.NotifyAsync(grainId, reminderName, hops, CancellationToken.None);
}
