namespace TgeSwarm.TestGrains;

/// <summary>A grain interface that itself derives from <see cref="IRemindable"/> (the other Orleans idiom), so its proxy has <c>ReceiveReminder</c> too.</summary>
public interface IReminderTargetGrain : IGrainWithIntegerKey, IRemindable
{
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);
}
