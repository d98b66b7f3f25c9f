using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Tests.Support;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>Spawn, stop, restart and scale of ingestion shards through the queen, against the replay exchange.</summary>
public sealed class QueenLifecycleTests(QueenFixture fixture) : IClassFixture<QueenFixture>
{
    private const string Ingestion = "ingestion";
    private static readonly ActionOrigin Operator = new("alice", "test");
    private static readonly CancellationToken None = CancellationToken.None;

    private IQueenGrain Queen => fixture.Queen;

    [Fact]
    public async Task A_spawned_shard_streams_and_the_queen_sees_it_running_on_its_silo()
    {
        var configuration = CoordinationClusters.BybitLinear(fixture.Exchange);

        var spawned = await Queen.SpawnAsync(Ingestion, "bybit#20", configuration, Operator, None);

        Assert.Equal(AgentState.Running, spawned.DesiredState);
        Assert.Equal("bybit", spawned.Group);
        Assert.Equal(PipelineNames.Market, spawned.Pipeline);
        var running = await fixture.ReconcileUntilAsync(Ingestion, "bybit#20", static a => a.ActualState == AgentState.Running);
        Assert.Equal(AgentState.Running, running.ActualState);
        Assert.Equal("streaming", running.Detail);
        Assert.Equal(fixture.Cluster.Primary.SiloAddress.ToString(), running.Silo);
        Assert.NotNull(running.LastStatusAt);
        var action = (await Queen.GetActionsAsync(100, null, None)).Items.Single(static a => a is { Target: "ingestion/bybit#20", Action: "spawn" });
        Assert.Equal(("alice", "spawn", "test", true, "started"), (action.Actor, action.Action, action.Reason, action.Succeeded, action.Outcome));

        await Queen.StopAsync(Ingestion, "bybit#20", Operator, None);
    }

    [Fact]
    public async Task Spawning_again_with_the_same_configuration_changes_nothing_and_another_configuration_is_a_conflict()
    {
        var configuration = CoordinationClusters.BybitLinear(fixture.Exchange, "ETH-USDT-PERP");
        var first = await Queen.SpawnAsync(Ingestion, "bybit#21", configuration, Operator, None);
        var actions = (await Queen.GetActionsAsync(1, null, None)).Items[0].Id;

        // Same settings written differently (key order, whitespace) are the same configuration.
        var reordered = configuration.Replace("{\"venue\":\"bybit\",", "{ ", StringComparison.Ordinal).TrimEnd('}') + ", \"venue\": \"bybit\" }";
        var again = await Queen.SpawnAsync(Ingestion, "bybit#21", reordered, Operator, None);
        Assert.Equal(first.Configuration, again.Configuration);
        Assert.Equal(actions, (await Queen.GetActionsAsync(1, null, None)).Items[0].Id);

        var other = CoordinationClusters.BybitLinear(fixture.Exchange, "SOL-USDT-PERP");
        var conflict = await Assert.ThrowsAsync<AgentConflictException>(() => Queen.SpawnAsync(Ingestion, "bybit#21", other, Operator, None));
        Assert.Contains("ingestion/bybit#21", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(first.Configuration, (await Queen.GetAgentAsync(Ingestion, "bybit#21", None)).Configuration);

        await Queen.StopAsync(Ingestion, "bybit#21", Operator, None);
    }

    [Theory]
    [InlineData("miner", "bybit#22", "{}", "type")]
    [InlineData(Ingestion, "bybit", "{}", "key")]
    [InlineData(Ingestion, "bybit#22", "{not json", "configuration")]
    [InlineData(Ingestion, "bybit#22", """{"venue":"okx","webSocketUrl":"ws://127.0.0.1:1/","instruments":["BTC-USDT"]}""", "configuration")]
    [InlineData(Ingestion, "bybit#22", """{"venue":"bybit","webSocketUrl":"ws://127.0.0.1:1/","instruments":["BTC-USDT"],"colour":"red"}""", "configuration")]
    public async Task Bad_spawns_name_the_field_and_register_nothing(string type, string key, string configuration, string field)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Queen.SpawnAsync(type, key, configuration, Operator, None));

        Assert.Equal(field, error.ParamName);
        Assert.DoesNotContain(await Queen.ListAgentsAsync(null, None), a => a.Key == key);
    }

    [Fact]
    public async Task An_unknown_agent_is_not_found()
    {
        await Assert.ThrowsAsync<AgentNotFoundException>(() => Queen.GetAgentAsync(Ingestion, "bybit#99", None));
        await Assert.ThrowsAsync<AgentNotFoundException>(() => Queen.StopAsync(Ingestion, "bybit#99", Operator, None));
        var missingActor = await Assert.ThrowsAnyAsync<ArgumentException>(() => Queen.StopAsync(Ingestion, "bybit#99", new ActionOrigin(""), None));
        Assert.Equal("actor", missingActor.ParamName);
    }

    [Fact]
    public async Task A_stopped_shard_is_stopped_and_stays_registered_and_a_restart_brings_it_back()
    {
        await Queen.SpawnAsync(Ingestion, "bybit#23", CoordinationClusters.BybitLinear(fixture.Exchange, "DOGE-USDT-PERP"), Operator, None);
        await fixture.ReconcileUntilAsync(Ingestion, "bybit#23", static a => a.ActualState == AgentState.Running);

        var stopped = await Queen.StopAsync(Ingestion, "bybit#23", Operator, None);

        Assert.Equal((AgentState.Stopped, AgentState.Stopped), (stopped.DesiredState, stopped.ActualState));
        var shard = fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("bybit#23");
        Assert.Equal("stopped", (await shard.GetStatusAsync(None)).State);
        await Queen.ReconcileAsync(None);
        Assert.Equal(AgentState.Stopped, (await Queen.GetAgentAsync(Ingestion, "bybit#23", None)).ActualState);

        var restarted = await Queen.RestartAsync(Ingestion, "bybit#23", new ActionOrigin("bob", "back on"), None);
        Assert.Equal(AgentState.Running, restarted.DesiredState);
        var running = await fixture.ReconcileUntilAsync(Ingestion, "bybit#23", static a => a.ActualState == AgentState.Running);
        Assert.Equal(AgentState.Running, running.ActualState);
        var restart = (await Queen.GetActionsAsync(20, null, None)).Items.First(static a => a.Action == "restart");
        Assert.Equal(("bob", "restart", "ingestion/bybit#23"), (restart.Actor, restart.Action, restart.Target));

        await Queen.StopAsync(Ingestion, "bybit#23", Operator, None);
    }

    [Fact]
    public async Task Scaling_spreads_the_instruments_over_the_shards_and_scaling_down_moves_only_the_removed_shards_instruments()
    {
        var template = CoordinationClusters.KrakenTrades(fixture.Exchange);

        var three = await Queen.ScaleAsync(Ingestion, "kraken", 3, template, Operator, None);

        Assert.Equal(["kraken#0", "kraken#1", "kraken#2"], three.Started);
        Assert.Empty(three.Stopped);
        Assert.Equal(CoordinationClusters.KrakenPairs.Order(StringComparer.Ordinal), three.Distribution.Assignments.Select(static a => a.Item));
        foreach (var key in three.Started)
        {
            var agent = await fixture.ReconcileUntilAsync(Ingestion, key, static a => a.ActualState == AgentState.Running);
            var held = three.Distribution.Assignments.Where(a => a.Key == key).Select(static a => a.Item).ToList();
            Assert.NotEmpty(held);
            var status = await fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>(key).GetStatusAsync(None);
            Assert.Equal(held, status.Settings!.Instruments);
            Assert.Equal(AgentState.Running, agent.ActualState);
        }

        var two = await Queen.ScaleAsync(Ingestion, "kraken", 2, null, Operator, None);

        var before = three.Distribution.Assignments.ToDictionary(static a => a.Item, static a => a.Key);
        var after = two.Distribution.Assignments.ToDictionary(static a => a.Item, static a => a.Key);
        Assert.Equal(["kraken#2"], two.Stopped);
        Assert.Equal(before.Count(static p => p.Value == "kraken#2"), two.Moved);
        Assert.All(after, p => Assert.True(before[p.Key] == "kraken#2" || before[p.Key] == p.Value, $"{p.Key} moved from {before[p.Key]} to {p.Value}"));
        Assert.Equal("stopped", (await fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("kraken#2").GetStatusAsync(None)).State);
        var distribution = (await Queen.GetTaskDistributionAsync(None)).Single(static g => g.Group == "kraken");
        Assert.Equal(2, distribution.Shards);
        Assert.Equal(two.Distribution.Assignments, distribution.Assignments);

        var tooMany = await Assert.ThrowsAnyAsync<ArgumentException>(() => Queen.ScaleAsync(Ingestion, "kraken", 11, null, Operator, None));
        Assert.Equal("shards", tooMany.ParamName);

        foreach (var key in new[] { "kraken#0", "kraken#1" })
        {
            await Queen.StopAsync(Ingestion, key, Operator, None);
        }
    }

    [Fact]
    public async Task The_action_log_pages_back_from_the_newest_entry_without_gaps()
    {
        var configuration = CoordinationClusters.BybitLinear(fixture.Exchange, "ETH-USDT-PERP");
        for (var i = 0; i < 3; i++)
        {
            await Queen.SpawnAsync(Ingestion, "bybit#24", configuration, Operator, None);
            await Queen.StopAsync(Ingestion, "bybit#24", Operator, None);
        }

        var all = (await Queen.GetActionsAsync(1_000, null, None)).Items;
        var paged = new List<QueenAction>();
        long? before = null;
        for (var page = 0; page < 1_000; page++)
        {
            var next = await Queen.GetActionsAsync(2, before, None);
            paged.AddRange(next.Items);
            if (next.NextBefore is null)
            {
                break;
            }

            before = next.NextBefore;
        }

        Assert.Equal(all, paged);
        Assert.Equal(all.Select(static a => a.Id).OrderDescending(), all.Select(static a => a.Id));
        Assert.True(all.Count >= 6, $"{all.Count} actions");
        Assert.Equal("limit", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Queen.GetActionsAsync(0, null, None))).ParamName);
    }
}
