using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>
/// DESIGN.md semantic 7 with the PostgreSQL reminder table: reminders survive the whole cluster going down, and the
/// missed-tick policy decides what happens to the ticks that fell due meanwhile.
/// </summary>
public sealed class PostgresReminderClusterTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly TestSignals _signals = new();
    private readonly string _serviceId = $"reminders-{Guid.NewGuid():N}";

    [Fact]
    public async Task Reminders_survive_a_restart_of_the_whole_cluster()
    {
        var grainKey = "survivor";
        await using (var before = await StartAsync(time: null, ReminderMissedTickPolicy.Drop))
        {
            await before.Client.GetGrain<IReminderGrain>(grainKey).RegisterAsync("r", TimeSpan.Zero, TimeSpan.FromSeconds(1));
            await ReminderTicks.WaitAsync(_signals, grainKey, "r", 1);
        }

        var seen = ReminderTicks.Count(_signals, grainKey, "r");
        await using var after = await StartAsync(time: null, ReminderMissedTickPolicy.Drop);
        var tick = await ReminderTicks.WaitAsync(_signals, grainKey, "r", seen + 1);

        Assert.Equal(after.Primary.SiloAddress.ToString(), tick.Silo);
        Assert.Equal(["r"], await after.Client.GetGrain<IReminderGrain>(grainKey).GetReminderNamesAsync());
    }

    [Fact]
    public async Task By_default_ticks_missed_while_the_cluster_was_down_are_dropped_and_the_schedule_goes_on()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow().UtcDateTime;
        await RunUntilFirstTickThenStopAsync(time, ReminderMissedTickPolicy.Drop, "dropped");

        time.Advance(TimeSpan.FromSeconds(330));
        await using var cluster = await StartAsync(time, ReminderMissedTickPolicy.Drop);
        time.Advance(TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(30));
        var next = await ReminderTicks.WaitAsync(_signals, "dropped", "r", 2);

        // The first tick after the restart is the next scheduled one (start + 7 min), not one for the five it missed.
        Assert.Equal(new TickStatus(start + Minute, Minute, start + (7 * Minute)), next.Status);
        Assert.Equal(0, next.Status.MissedTicks);
    }

    [Fact]
    public async Task With_the_catch_up_policy_one_tick_at_start_up_stands_for_the_ticks_missed_while_the_cluster_was_down()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow().UtcDateTime;
        await RunUntilFirstTickThenStopAsync(time, ReminderMissedTickPolicy.CatchUp, "caught-up");

        time.Advance(TimeSpan.FromSeconds(330));
        var restart = time.GetUtcNow().UtcDateTime;
        await using var cluster = await StartAsync(time, ReminderMissedTickPolicy.CatchUp);
        time.Advance(TimeSpan.Zero);
        var catchUp = await ReminderTicks.WaitAsync(_signals, "caught-up", "r", 2);
        time.Advance(TimeSpan.FromSeconds(30));
        var next = await ReminderTicks.WaitAsync(_signals, "caught-up", "r", 3);

        // Last delivered: start + 1 min; down until start + 6.5 min, so the ticks of minutes 2 to 6 were missed.
        Assert.Equal(new TickStatus(start + Minute, Minute, restart) { MissedTicks = 5 }, catchUp.Status);
        Assert.Equal(new TickStatus(start + Minute, Minute, start + (7 * Minute)), next.Status);
    }

    /// <summary>Registers a one-minute reminder, delivers its first tick (recorded in the table under catch-up) and stops the cluster.</summary>
    private async Task RunUntilFirstTickThenStopAsync(FakeTimeProvider time, ReminderMissedTickPolicy policy, string key)
    {
        var start = time.GetUtcNow().UtcDateTime;
        await using var cluster = await StartAsync(time, policy);
        await cluster.Client.GetGrain<IReminderGrain>(key).RegisterAsync("r", Minute, Minute);
        time.Advance(Minute);
        Assert.Equal(start + Minute, (await ReminderTicks.WaitAsync(_signals, key, "r", 1)).Status.CurrentTickTime);
        if (policy == ReminderMissedTickPolicy.CatchUp)
        {
            var table = cluster.Primary.ServiceProvider.GetRequiredService<IReminderTable>();
            await TablePolling.WaitUntilAsync(
                async () => (await table.ReadRowAsync(ReminderTicks.GrainOf(key), "r", CancellationToken.None))?.LastFiredAt == start + Minute,
                $"the first tick of reminder 'r' of {ReminderTicks.GrainType}/{key} to be recorded in the table");
        }
    }

    private async Task<TestCluster> StartAsync(FakeTimeProvider? time, ReminderMissedTickPolicy policy)
    {
        var connectionString = await PostgresClusterFixture.ReachableConnectionStringAsync();
        var builder = new TestClusterBuilder();
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(_signals);
            if (time is not null)
            {
                // A tick sent just before the clock jumps must still run: nothing times out on the fake clock.
                silo.Services.AddSingleton<TimeProvider>(time);
                silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
            }

            silo.AddMemoryGrainStorage("store");
            silo.UsePostgresReminderService(connectionString);
            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.MissedTickPolicy = policy;
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
