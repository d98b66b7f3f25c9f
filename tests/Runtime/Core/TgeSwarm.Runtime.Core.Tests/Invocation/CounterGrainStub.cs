using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Invocation;

/// <summary>A grain implementation without a runtime, so requests can be invoked on it directly.</summary>
internal sealed class CounterGrainStub : ICounterGrain
{
    public int Total { get; private set; }

    public CancellationToken LastToken { get; private set; }

    public List<Trade>? Recorded { get; private set; }

    public Task<int> AddAsync(int amount, CancellationToken cancellationToken)
    {
        LastToken = cancellationToken;
        Total += amount;
        return Task.FromResult(Total);
    }

    public Task<List<Trade>> RecordAsync(List<Trade> trades, Snapshot snapshot)
    {
        Recorded = trades;
        return Task.FromResult(trades);
    }

    public Task PingAsync() => Task.CompletedTask;

    public ValueTask<ICounterGrain?> PeerAsync(ICounterGrain? peer) => ValueTask.FromResult(peer);
}
