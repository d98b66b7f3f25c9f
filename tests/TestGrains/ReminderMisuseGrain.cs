namespace TgeSwarm.TestGrains;

public sealed class ReminderMisuseGrain : Grain, IReminderMisuseGrain
{
    public Task RegisterAsync(string name) => RegisterOrUpdateReminder(name, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
}
