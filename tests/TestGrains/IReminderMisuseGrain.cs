namespace TgeSwarm.TestGrains;

/// <summary>A grain that registers a reminder without implementing <see cref="IRemindable"/>.</summary>
public interface IReminderMisuseGrain : IGrainWithStringKey
{
    Task RegisterAsync(string name);
}
