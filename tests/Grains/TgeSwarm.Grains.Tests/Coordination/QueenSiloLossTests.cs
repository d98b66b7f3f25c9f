using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>Three silos on the real PostgreSQL grain storage: the silo holding a shard is killed, and the queen brings the shard back on a survivor.</summary>
public sealed class QueenSiloLossTests
{
    private const string Ingestion = "ingestion";
    private static readonly ActionOrigin Operator = new("alice", "test");
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task When_the_silo_of_a_shard_dies_reconciliation_finds_the_shard_running_on_a_survivor()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var exchange = await CoordinationClusters.StartExchangeAsync();
        await using var cluster = await CoordinationClusters.StartAsync(silos: 3, postgres: database.ConnectionString);
        var queen = cluster.GrainFactory.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

        // A shard away from the primary, whose client the test keeps using: keys are tried until placement puts one there.
        var (key, victim) = await SpawnAwayFromPrimaryAsync(cluster, queen, CoordinationClusters.BybitLinear(exchange));

        await cluster.KillSiloAsync(victim);

        var back = await Eventually.ReadAsync(() => ReconcileAndReadAsync(queen, key), a => a is { ActualState: AgentState.Running } && a.Silo != victim.SiloAddress.ToString());
        Assert.NotNull(back);
        Assert.Equal(AgentState.Running, back.ActualState);
        Assert.NotEqual(victim.SiloAddress.ToString(), back.Silo);
        Assert.Contains(cluster.Silos.Where(static s => s.IsActive), s => s.SiloAddress.ToString() == back.Silo);
        Assert.Equal(SwarmStatus.Healthy, (await queen.GetHealthAsync(None)).Status);

        await queen.StopAsync(Ingestion, key, Operator, None);
    }

    // Until the dead silo is declared dead, a call to the queen may still be routed there (she may have lived on it) and
    // fail with SiloUnavailableException; the next call activates her on a survivor.
    private static async Task<AgentInfo?> ReconcileAndReadAsync(IQueenGrain queen, string key)
    {
        try
        {
            await queen.ReconcileAsync(None);
            return await queen.GetAgentAsync(Ingestion, key, None);
        }
        catch (SiloUnavailableException)
        {
            return null;
        }
    }

    private static async Task<(string Key, SiloHandle Silo)> SpawnAwayFromPrimaryAsync(TestCluster cluster, IQueenGrain queen, string configuration)
    {
        var primary = cluster.Primary.SiloAddress.ToString();
        for (var shard = 60; shard < 90; shard++)
        {
            var key = $"bybit#{shard}";
            await queen.SpawnAsync(Ingestion, key, configuration, Operator, None);
            var running = await Eventually.ReadAsync(
                async () =>
                {
                    await queen.ReconcileAsync(None);
                    return await queen.GetAgentAsync(Ingestion, key, None);
                },
                static a => a.ActualState == AgentState.Running);
            Assert.Equal(AgentState.Running, running.ActualState);
            if (running.Silo != primary)
            {
                return (key, cluster.Silos.Single(s => s.SiloAddress.ToString() == running.Silo));
            }

            await queen.StopAsync(Ingestion, key, Operator, None);
        }

        throw new InvalidOperationException("Thirty shard keys in a row were placed on the primary silo; placement is not spreading keys.");
    }
}
