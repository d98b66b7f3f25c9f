namespace TgeSwarm.TestGrains;

public sealed class BehaviourGrain(TestSignals signals) : Grain, IBehaviourGrain
{
    private int _lastNotified;

    public Task ThrowAsync(string message) => throw new TestGrainException(message);

    public Task<string?> GetContextValueAsync(string key) => Task.FromResult(RequestContext.Get(key) as string);

    public async Task<string?> SetAndForwardAsync(string key, string value, IBehaviourGrain other)
    {
        RequestContext.Set(key, value);
        return await other.GetContextValueAsync(key);
    }

    public Task<List<int>> MutateAsync(List<int> values)
    {
        values.Add(-1);
        return Task.FromResult(values);
    }

    public Task<bool> IsSharedAsync(byte[] data, string slot) =>
        Task.FromResult(signals.Values.TryGetValue(slot, out var original) && ReferenceEquals(original, data));

    public Task NotifyAsync(int value)
    {
        _lastNotified = value;
        signals.Open($"notified:{GetPrimaryKeyString()}:{value}");
        return Task.CompletedTask;
    }

    public Task<int> GetLastNotifiedAsync() => Task.FromResult(_lastNotified);

    public async Task<int> HangAsync(string gate)
    {
        signals.Open($"entered:{gate}");
        await signals.Gate(gate);
        return 1;
    }

    public Task<string> GetIdentityAsync() => Task.FromResult(IdentityString);

    public async Task<int> WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    public Task<SampleRecord> EchoAsync(SampleRecord value) => Task.FromResult(value);
}
