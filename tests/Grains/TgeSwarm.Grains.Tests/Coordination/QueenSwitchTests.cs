using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>Pipeline pause and resume, and the halt switch, on a cluster of their own (they act on every agent).</summary>
public sealed class QueenSwitchTests(QueenFixture fixture) : IClassFixture<QueenFixture>
{
    private const string Ingestion = "ingestion";
    private static readonly ActionOrigin Operator = new("alice", "test");
    private static readonly CancellationToken None = CancellationToken.None;

    private IQueenGrain Queen => fixture.Queen;

    [Fact]
    public async Task A_paused_pipeline_stops_its_shards_until_it_is_resumed()
    {
        await Queen.SpawnAsync(Ingestion, "bybit#30", CoordinationClusters.BybitLinear(fixture.Exchange), Operator, None);
        await fixture.ReconcileUntilAsync(Ingestion, "bybit#30", static a => a.ActualState == AgentState.Running);

        var paused = await Queen.PauseAsync(PipelineNames.Market, new ActionOrigin("alice", "maintenance"), None);

        Assert.True(paused.Paused);
        Assert.Equal(("alice", "maintenance"), (paused.ChangedBy, paused.Reason));
        var shard = fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("bybit#30");
        Assert.Equal("stopped", (await shard.GetStatusAsync(None)).State);
        await Queen.ReconcileAsync(None);
        var agent = await Queen.GetAgentAsync(Ingestion, "bybit#30", None);
        Assert.Equal((AgentState.Paused, AgentState.Paused), (agent.DesiredState, agent.ActualState));
        Assert.Equal("stopped", (await shard.GetStatusAsync(None)).State);

        var resumed = await Queen.ResumeAsync(PipelineNames.Market, Operator, None);

        Assert.False(resumed.Paused);
        var running = await fixture.ReconcileUntilAsync(Ingestion, "bybit#30", static a => a.ActualState == AgentState.Running);
        Assert.Equal(AgentState.Running, running.DesiredState);
        await Queen.StopAsync(Ingestion, "bybit#30", Operator, None);
    }

    [Fact]
    public async Task The_halt_stops_every_agent_and_nothing_starts_again_until_a_pipeline_is_resumed()
    {
        await Queen.SpawnAsync(Ingestion, "bybit#31", CoordinationClusters.BybitLinear(fixture.Exchange, "SOL-USDT-PERP"), Operator, None);
        await fixture.ReconcileUntilAsync(Ingestion, "bybit#31", static a => a.ActualState == AgentState.Running);
        var noReason = await Assert.ThrowsAnyAsync<ArgumentException>(() => Queen.HaltAsync(new ActionOrigin("alice"), None));
        Assert.Equal("reason", noReason.ParamName);

        var health = await Queen.HaltAsync(new ActionOrigin("alice", "bad data upstream"), None);

        Assert.Equal(SwarmStatus.Halted, health.Status);
        Assert.Equal(("alice", "bad data upstream"), (health.Halt!.Actor, health.Halt.Reason));
        Assert.All(health.Pipelines, static p => Assert.True(p.Paused));
        var shard = fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("bybit#31");
        Assert.Equal("stopped", (await shard.GetStatusAsync(None)).State);

        await Assert.ThrowsAsync<AgentConflictException>(() => Queen.SpawnAsync(Ingestion, "bybit#32", CoordinationClusters.BybitLinear(fixture.Exchange), Operator, None));
        await Assert.ThrowsAsync<AgentConflictException>(() => Queen.RestartAsync(Ingestion, "bybit#31", Operator, None));
        await Assert.ThrowsAsync<AgentConflictException>(() => Queen.ScaleAsync(Ingestion, "bybit", 1, null, Operator, None));
        var report = await Queen.ReconcileAsync(None);
        Assert.Equal(0, report.Started);
        Assert.Equal("stopped", (await shard.GetStatusAsync(None)).State);
        var agent = await Queen.GetAgentAsync(Ingestion, "bybit#31", None);
        Assert.Equal((AgentState.Halted, AgentState.Halted), (agent.DesiredState, agent.ActualState));
        Assert.DoesNotContain(await Queen.ListAgentsAsync(null, None), static a => a.Key == "bybit#32");

        await Queen.ResumeAsync(PipelineNames.Market, new ActionOrigin("bob", "fixed"), None);

        var after = await Queen.GetHealthAsync(None);
        Assert.Null(after.Halt);
        Assert.Equal([false, true], after.Pipelines.Select(static p => p.Paused));
        await fixture.ReconcileUntilAsync(Ingestion, "bybit#31", static a => a.ActualState == AgentState.Running);
        var resume = (await Queen.GetActionsAsync(20, null, None)).Items.First(static a => a.Action == "resume");
        Assert.Equal(("bob", "resume", "pipeline/market"), (resume.Actor, resume.Action, resume.Target));
        Assert.Contains("halt of", resume.Outcome, StringComparison.Ordinal);

        await Queen.ResumeAsync(PipelineNames.Tge, Operator, None);
        await Queen.StopAsync(Ingestion, "bybit#31", Operator, None);
    }
}
