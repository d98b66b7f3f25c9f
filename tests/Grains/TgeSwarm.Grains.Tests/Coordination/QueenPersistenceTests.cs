using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Tests.Support;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>The queen's registry, assignment and log in the real PostgreSQL grain storage, across a whole-cluster restart.</summary>
public sealed class QueenPersistenceTests
{
    private const string Ingestion = "ingestion";
    private static readonly ActionOrigin Operator = new("alice", "test");
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_registry_distribution_switches_and_log_survive_the_queen_deactivating_with_her_cluster()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var exchange = await CoordinationClusters.StartExchangeAsync();
        var serviceId = "queen-" + Guid.NewGuid().ToString("N");

        IReadOnlyList<AgentInfo> agents;
        IReadOnlyList<TaskGroup> distribution;
        QueenActionPage actions;
        await using (var first = await CoordinationClusters.StartAsync(postgres: database.ConnectionString, serviceId: serviceId))
        {
            var queen = first.GrainFactory.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);
            await queen.ScaleAsync(Ingestion, "kraken", 2, CoordinationClusters.KrakenTrades(exchange), Operator, None);
            await queen.SpawnAsync(Ingestion, "bybit#50", CoordinationClusters.BybitLinear(exchange), Operator, None);
            await queen.StopAsync(Ingestion, "bybit#50", Operator, None);
            await queen.PauseAsync(PipelineNames.Tge, Operator, None);
            agents = await queen.ListAgentsAsync(null, None);
            distribution = await queen.GetTaskDistributionAsync(None);
            actions = await queen.GetActionsAsync(100, null, None);
        }

        Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM grain_storage WHERE service_id = '{serviceId}' AND grain_type = 'queen'"));
        await using var second = await CoordinationClusters.StartAsync(postgres: database.ConnectionString, serviceId: serviceId);
        var again = second.GrainFactory.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

        Assert.Equal(
            agents.Select(static a => (a.Type, a.Key, a.Configuration, a.DesiredState, a.CreatedAt)),
            (await again.ListAgentsAsync(null, None)).Select(static a => (a.Type, a.Key, a.Configuration, a.DesiredState, a.CreatedAt)));
        Assert.Equal(
            distribution.Single(static g => g.Group == "kraken").Assignments,
            (await again.GetTaskDistributionAsync(None)).Single(static g => g.Group == "kraken").Assignments);
        Assert.Equal(actions.Items, (await again.GetActionsAsync(100, null, None)).Items);
        Assert.Equal([false, true], (await again.GetHealthAsync(None)).Pipelines.Select(static p => p.Paused));

        await again.StopAsync(Ingestion, "kraken#0", Operator, None);
        await again.StopAsync(Ingestion, "kraken#1", Operator, None);
    }
}
