namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount, CancellationToken cancellationToken);

    Task<List<Trade>> RecordAsync(List<Trade> trades, [Immutable] Snapshot snapshot);

    [OneWay]
    Task PingAsync();

    [ReadOnly]
    [ResponseTimeout("00:00:05")]
    ValueTask<ICounterGrain?> PeerAsync(ICounterGrain? peer);
}
