namespace TgeSwarm.Bench.Grains;

public sealed class CallGrain : Grain, ICallGrain
{
    private int _calls;

    public Task<int> AddAsync(int value)
    {
        _calls++;
        return Task.FromResult(value + 1);
    }
}
