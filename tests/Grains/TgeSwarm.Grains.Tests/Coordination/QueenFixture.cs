using TgeSwarm.Feeds.Exchange;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>One silo with the market pipeline and the queen, memory storage, and the replay exchange the shards read.</summary>
public sealed class QueenFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public ReplayExchange Exchange { get; private set; } = null!;

    public IQueenGrain Queen => Cluster.GrainFactory.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

    public async Task InitializeAsync()
    {
        Exchange = await CoordinationClusters.StartExchangeAsync();
        Cluster = await CoordinationClusters.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Exchange.DisposeAsync();
    }

    /// <summary>Runs reconciliation passes until the agent's view satisfies <paramref name="done"/> (a minute at most).</summary>
    public Task<AgentInfo> ReconcileUntilAsync(string type, string key, Func<AgentInfo, bool> done) =>
        Eventually.ReadAsync(
            async () =>
            {
                await Queen.ReconcileAsync(CancellationToken.None);
                return await Queen.GetAgentAsync(type, key, CancellationToken.None);
            },
            done);
}
