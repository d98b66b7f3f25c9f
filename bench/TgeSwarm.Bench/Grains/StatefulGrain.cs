namespace TgeSwarm.Bench.Grains;

public sealed class StatefulGrain([PersistentState("state", "store")] IPersistentState<CounterState> state) : Grain, IStatefulGrain
{
    public Task<int> GetAsync() => Task.FromResult(state.State.Value);
}
