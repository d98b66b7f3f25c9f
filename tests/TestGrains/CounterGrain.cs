namespace TgeSwarm.TestGrains;

public sealed class CounterGrain([PersistentState("counter", "store")] IPersistentState<CounterState> state) : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Value++;
        state.State.History.Add(RuntimeIdentity);
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public Task<string> GetETagAsync() => Task.FromResult(state.ETag ?? "(none)");

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task ClearAsync() => state.ClearStateAsync();
}
