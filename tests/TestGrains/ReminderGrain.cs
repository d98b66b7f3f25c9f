namespace TgeSwarm.TestGrains;

public sealed class ReminderGrain(TestSignals signals) : Grain, IReminderGrain, IRemindable
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        signals.Values.AddOrUpdate($"activations:{GetPrimaryKeyString()}", 1, static (_, count) => (int)count! + 1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        signals.Log.Enqueue($"reminder-deactivate:{GetPrimaryKeyString()}:{reason.ReasonCode}");
        signals.Open($"deactivated:{GetPrimaryKeyString()}:{signals.Values[$"activations:{GetPrimaryKeyString()}"]}");
        return Task.CompletedTask;
    }

    public async Task<string> RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        (await RegisterOrUpdateReminder(name, dueTime, period)).ReminderName;

    public async Task<List<string>> GetReminderNamesAsync() => [.. (await GetReminders()).Select(static r => r.ReminderName)];

    public async Task<bool> UnregisterAsync(string name)
    {
        if (await GetReminder(name) is not { } reminder)
        {
            return false;
        }

        await UnregisterReminder(reminder);
        return true;
    }

    public async Task UnregisterWithStaleHandleAsync(string name)
    {
        var first = await RegisterOrUpdateReminder(name, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2));
        await RegisterOrUpdateReminder(name, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3));
        await UnregisterReminder(first);
    }

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async Task HoldAsync(string gate)
    {
        signals.Open($"entered:{gate}");
        await signals.Gate(gate);
        signals.Log.Enqueue($"hold-end:{GetPrimaryKeyString()}");
    }

    public Task<int> CountTicksAsync(string name) =>
        Task.FromResult(signals.Values.TryGetValue($"ticks:{GetPrimaryKeyString()}:{name}", out var count) ? (int)count! : 0);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var key = GetPrimaryKeyString();
        var count = (int)signals.Values.AddOrUpdate($"ticks:{key}:{reminderName}", 1, static (_, n) => (int)n! + 1)!;
        signals.Values[$"tick:{key}:{reminderName}:{count}"] = new ReminderTick(status, RuntimeIdentity);
        signals.Log.Enqueue($"tick:{key}:{reminderName}:{count}");
        if (reminderName.StartsWith("once", StringComparison.Ordinal) && await GetReminder(reminderName) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        signals.Open($"tick:{key}:{reminderName}:{count}");
        if (reminderName.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new TestGrainException($"Tick {count} of reminder '{reminderName}' fails on purpose.");
        }
    }
}
