namespace TgeSwarm.TestGrains;

public abstract class ConcurrencyGrainBase(TestSignals signals) : Grain
{
    private int _inside;
    private int _maxInside;
    private int _executing;

    public Task<int> WaitAsync(string gate) => Track(gate);

    public Task<int> ReadAsync(string gate) => Track(gate);

    public Task<int> InterleaveAsync(string gate) => Track(gate);

    public async Task<bool> YieldManyAsync(int yields)
    {
        var clean = true;
        for (var i = 0; i < yields; i++)
        {
            // Only a second thread inside this grain at this very instant could see the counter above one.
            clean &= Interlocked.Increment(ref _executing) == 1;
            Thread.SpinWait(20);
            Interlocked.Decrement(ref _executing);
            await Task.Yield();
        }

        return clean;
    }

    private async Task<int> Track(string gate)
    {
        _inside++;
        _maxInside = Math.Max(_maxInside, _inside);
        signals.Log.Enqueue($"entered:{gate}");
        signals.Open($"entered:{gate}");
        await signals.Gate(gate);
        _inside--;
        return _maxInside;
    }
}
