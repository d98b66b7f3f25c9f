using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>Shards configured in Market:Ingestion are spawned through the queen when coordination is added.</summary>
public sealed class QueenBootstrapTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_configured_shard_is_registered_by_the_bootstrap_and_watched_like_any_agent()
    {
        await using var exchange = await CoordinationClusters.StartExchangeAsync();
        await using var cluster = await CoordinationClusters.StartAsync(settings: new()
        {
            ["Market:Ingestion:Shards:bybit#70:Venue"] = "bybit",
            ["Market:Ingestion:Shards:bybit#70:WebSocketUrl"] = exchange.Endpoint(Venue.Bybit).WebSocketUrl("/v5/public/linear").ToString(),
            ["Market:Ingestion:Shards:bybit#70:Instruments:0"] = "BTC-USDT-PERP",
            ["Market:Ingestion:Shards:bybit#70:BookDepth"] = "200",
        });
        var queen = cluster.GrainFactory.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

        var agent = await queen.GetAgentAsync("ingestion", "bybit#70", None);

        Assert.Equal(AgentState.Running, agent.DesiredState);
        var spawn = (await queen.GetActionsAsync(10, null, None)).Items.Single(static a => a.Target == "ingestion/bybit#70");
        Assert.Equal(("bootstrap", "spawn", true), (spawn.Actor, spawn.Action, spawn.Succeeded));
        await Support.Eventually.ReadAsync(
            async () =>
            {
                await queen.ReconcileAsync(None);
                return await queen.GetAgentAsync("ingestion", "bybit#70", None);
            },
            static a => a.ActualState == AgentState.Running);
        Assert.Equal(AgentState.Running, (await queen.GetAgentAsync("ingestion", "bybit#70", None)).ActualState);
        await queen.StopAsync("ingestion", "bybit#70", new ActionOrigin("test"), None);
    }
}
