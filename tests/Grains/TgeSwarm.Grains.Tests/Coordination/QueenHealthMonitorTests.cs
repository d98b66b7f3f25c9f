using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>
/// The health monitor on a fake clock: a shard whose venue refuses connections is restarted three times, then left
/// for the cooldown, then only alerted on; and the timer runs passes by itself.
/// </summary>
public sealed class QueenHealthMonitorTests : IAsyncLifetime
{
    private const string Ingestion = "ingestion";
    private static readonly ActionOrigin Operator = new("alice", "test");
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new();
    private TestCluster _cluster = null!;

    private IQueenGrain Queen => _cluster.GrainFactory.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

    public async Task InitializeAsync() => _cluster = await CoordinationClusters.StartAsync(
        settings: new()
        {
            ["Coordination:Queen:ReconcileInterval"] = "00:00:10",
            ["Coordination:Queen:RestartCooldown"] = "00:05:00",
        },
        time: _time);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_shard_whose_venue_refuses_connections_is_restarted_three_times_then_cooled_down_then_only_alerted_on()
    {
        var configuration = $$"""{"venue":"bybit","webSocketUrl":"{{CoordinationClusters.RefusingUrl()}}","instruments":["BTC-USDT-PERP"]}""";
        await Queen.SpawnAsync(Ingestion, "bybit#40", configuration, Operator, None);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await WaitForBackoffAsync("bybit#40");
            var report = await Queen.ReconcileAsync(None);
            var agent = await Queen.GetAgentAsync(Ingestion, "bybit#40", None);
            Assert.Equal(1, report.Started);
            Assert.Equal(attempt, agent.RestartAttempts);
        }

        await WaitForBackoffAsync("bybit#40");
        var cooling = await Queen.ReconcileAsync(None);
        var cooled = await Queen.GetAgentAsync(Ingestion, "bybit#40", None);
        Assert.Equal((0, 1), (cooling.Started, cooling.Alerts));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(5), cooled.CooldownUntil);
        Assert.Equal(AgentState.Failed, cooled.ActualState);
        Assert.False(cooled.Alerting);

        // Within the cooldown nothing happens, however many passes run (the timer's included: the clock moves past its interval).
        _time.Advance(TimeSpan.FromMinutes(4));
        await WaitForBackoffAsync("bybit#40");
        var during = await Queen.ReconcileAsync(None);
        Assert.Equal((0, 0), (during.Started, during.Alerts));

        // Moving the clock also ends the shard's reconnect backoff: let it fail again before the pass looks.
        _time.Advance(TimeSpan.FromMinutes(1));
        await WaitForBackoffAsync("bybit#40");
        var after = await Queen.ReconcileAsync(None);
        var alerting = await Queen.GetAgentAsync(Ingestion, "bybit#40", None);
        Assert.Equal(0, after.Started);
        Assert.True(alerting.Alerting);
        Assert.Equal(3, alerting.RestartAttempts);
        var health = await Queen.GetHealthAsync(None);
        Assert.Equal(SwarmStatus.Degraded, health.Status);
        Assert.Equal(["ingestion/bybit#40"], health.Alerting);

        _time.Advance(TimeSpan.FromHours(1));
        await WaitForBackoffAsync("bybit#40");
        Assert.Equal(0, (await Queen.ReconcileAsync(None)).Started);

        var log = (await Queen.GetActionsAsync(100, null, None)).Items.Where(static a => a.Target == "ingestion/bybit#40").Reverse().Select(static a => a.Action);
        Assert.Equal(["spawn", "heal", "heal", "heal", "cooldown", "alert"], log);

        var restarted = await Queen.RestartAsync(Ingestion, "bybit#40", Operator, None);
        Assert.Equal((0, false, (DateTimeOffset?)null), (restarted.RestartAttempts, restarted.Alerting, restarted.CooldownUntil));
        await Queen.StopAsync(Ingestion, "bybit#40", Operator, None);
    }

    [Fact]
    public async Task The_reconciliation_timer_runs_a_pass_every_interval()
    {
        var configuration = $$"""{"venue":"bybit","webSocketUrl":"{{CoordinationClusters.RefusingUrl()}}","instruments":["BTC-USDT-PERP"]}""";
        await Queen.SpawnAsync(Ingestion, "bybit#41", configuration, Operator, None);
        await WaitForBackoffAsync("bybit#41");
        Assert.Null((await Queen.GetHealthAsync(None)).LastReconciledAt);

        _time.Advance(TimeSpan.FromSeconds(10));

        var due = _time.GetUtcNow();
        var health = await Eventually.ReadAsync(() => Queen.GetHealthAsync(None), h => h.LastReconciledAt == due);
        Assert.Equal(due, health.LastReconciledAt);
        var agent = await Queen.GetAgentAsync(Ingestion, "bybit#41", None);
        Assert.Equal(due, agent.LastStatusAt);
        await Queen.StopAsync(Ingestion, "bybit#41", Operator, None);
    }

    private async Task WaitForBackoffAsync(string key)
    {
        var shard = _cluster.GrainFactory.GetGrain<IIngestionGrain>(key);
        var status = await Eventually.ReadAsync(() => shard.GetStatusAsync(None), static s => s.State == "backoff");
        Assert.True(status.State == "backoff", $"timed out waiting for {key} to back off from its refused venue; it is {status.State}");
    }
}
