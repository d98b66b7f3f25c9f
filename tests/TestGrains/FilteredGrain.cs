namespace TgeSwarm.TestGrains;

/// <summary>Filters its own calls: doubles every result and logs the method it saw.</summary>
public sealed class FilteredGrain(TestSignals signals) : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public Task<int> AddAsync(int a, int b) => Task.FromResult(a + b);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        signals.Log.Enqueue($"grain-filter:{context.InterfaceName}.{context.MethodName}");
        await context.Invoke();
        context.Result = (int)context.Result! * 2;
    }
}
