namespace TgeSwarm.TestGrains;

/// <summary>Writes each tick to <see cref="TestSignals"/> under <c>target-tick:{key}:{name}:{n}</c> and opens that gate.</summary>
public sealed class ReminderTargetGrain(TestSignals signals) : Grain, IReminderTargetGrain
{
    private int _ticks;

    public async Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) => await RegisterOrUpdateReminder(name, dueTime, period);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var gate = $"target-tick:{GetPrimaryKeyLong()}:{reminderName}:{++_ticks}";
        signals.Values[gate] = new ReminderTick(status, RuntimeIdentity);
        signals.Open(gate);
        return Task.CompletedTask;
    }
}
