using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>A command whose state write fails changes nothing: the queen and the memory grain reload what is stored.</summary>
public sealed class QueenAtomicityTests : IAsyncLifetime
{
    private static readonly ActionOrigin Operator = new("alice", "test");
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly SwitchableGrainStorage _storage = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinationClusters.StartAsync(storage: _storage);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Commands_whose_write_fails_leave_the_registry_and_log_as_they_were()
    {
        var queen = _cluster.GrainFactory.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);
        var configuration = $$"""{"venue":"bybit","webSocketUrl":"{{CoordinationClusters.RefusingUrl()}}","instruments":["BTC-USDT-PERP"]}""";
        await queen.SpawnAsync("ingestion", "bybit#80", configuration, Operator, None);
        var agents = await queen.ListAgentsAsync(null, None);
        var actions = await queen.GetActionsAsync(100, null, None);

        _storage.FailWrites = true;
        await Assert.ThrowsAsync<GrainStorageException>(() => queen.SpawnAsync("ingestion", "bybit#81", configuration, Operator, None));
        await Assert.ThrowsAsync<GrainStorageException>(() => queen.StopAsync("ingestion", "bybit#80", Operator, None));
        await Assert.ThrowsAsync<GrainStorageException>(() => queen.HaltAsync(new ActionOrigin("alice", "test"), None));
        _storage.FailWrites = false;

        Assert.Equal(agents, await queen.ListAgentsAsync(null, None));
        Assert.Equal(actions.Items, (await queen.GetActionsAsync(100, null, None)).Items);
        Assert.Null((await queen.GetHealthAsync(None)).Halt);
        Assert.Equal(AgentState.Running, (await queen.SpawnAsync("ingestion", "bybit#81", configuration, Operator, None)).DesiredState);
        await queen.StopAsync("ingestion", "bybit#80", Operator, None);
        await queen.StopAsync("ingestion", "bybit#81", Operator, None);
    }

    [Fact]
    public async Task A_memory_write_that_fails_to_persist_is_not_seen()
    {
        var memory = _cluster.GrainFactory.GetGrain<IMemoryGrain>("atomic");
        var empty = _cluster.GrainFactory.GetGrain<IMemoryGrain>("atomic-empty");
        var version = await memory.SetAsync("k", "1", null, null, null, None);

        _storage.FailWrites = true;
        await Assert.ThrowsAsync<GrainStorageException>(() => empty.SetAsync("k", "1", null, null, null, None));
        await Assert.ThrowsAsync<GrainStorageException>(() => memory.SetAsync("k", "2", null, version, null, None));
        await Assert.ThrowsAsync<GrainStorageException>(() => memory.RemoveAsync("k", null, None));
        _storage.FailWrites = false;

        Assert.Null(await empty.GetAsync("k", None));
        Assert.Equal(1, await empty.SetAsync("k", "1", null, null, null, None));
        var entry = await memory.GetAsync("k", None);
        Assert.Equal(("1", version), (entry!.Value, entry.Version));
        Assert.Equal(version + 1, await memory.SetAsync("k", "3", null, version, null, None));
    }
}
