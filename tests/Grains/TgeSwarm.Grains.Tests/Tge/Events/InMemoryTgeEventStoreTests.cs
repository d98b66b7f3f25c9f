using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Grains.Tests.Tge.Events;

public sealed class InMemoryTgeEventStoreTests : TgeEventStoreContract
{
    protected override Task<ITgeEventStore> StoreAsync() => Task.FromResult<ITgeEventStore>(new InMemoryTgeEventStore());
}
