namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>DESIGN.md semantic 7: a reminder fires on whichever silo owns its grain, and moves when that silo goes.</summary>
public sealed class ReminderStopTests(ReminderClusterFixture fixture) : IClassFixture<ReminderClusterFixture>
{
    [Fact]
    public async Task After_the_silo_running_a_reminder_stops_the_ticks_resume_from_a_survivor()
    {
        var victim = fixture.Victim;
        var key = fixture.KeyOwnedBy(victim, "stop");
        var grain = fixture.ClientOf(fixture.Cluster.Primary).GetGrain<IReminderGrain>(key);
        await grain.RegisterAsync("r", TimeSpan.Zero, ReminderClusterFixture.Period);
        var first = await ReminderTicks.WaitAsync(fixture.Signals, key, "r", 1);
        Assert.True(ReminderClusterFixture.ServiceOf(victim).IsRunning(ReminderTicks.GrainOf(key), "r"));
        Assert.Equal(victim.SiloAddress.ToString(), first.Silo);

        await fixture.Cluster.StopSiloAsync(victim);
        var seen = ReminderTicks.Count(fixture.Signals, key, "r");
        var after = await ReminderTicks.WaitAsync(fixture.Signals, key, "r", seen + 1);
        await ReminderTicks.WaitAsync(fixture.Signals, key, "r", seen + 2);

        Assert.NotEqual(victim.SiloAddress.ToString(), after.Silo);
        Assert.Single(fixture.Cluster.ActiveSilos, s => ReminderClusterFixture.ServiceOf(s).IsRunning(ReminderTicks.GrainOf(key), "r"));
        Assert.Equal(first.Status.FirstTickTime, after.Status.FirstTickTime);
    }
}

public sealed class ReminderKillTests(ReminderClusterFixture fixture) : IClassFixture<ReminderClusterFixture>
{
    [Fact]
    public async Task After_the_silo_running_a_reminder_is_killed_the_ticks_resume_once_it_is_declared_dead()
    {
        var victim = fixture.Victim;
        var key = fixture.KeyOwnedBy(victim, "kill");
        var grain = fixture.ClientOf(fixture.Cluster.Primary).GetGrain<IReminderGrain>(key);
        await grain.RegisterAsync("r", TimeSpan.Zero, ReminderClusterFixture.Period);
        await ReminderTicks.WaitAsync(fixture.Signals, key, "r", 1);

        await fixture.Cluster.KillSiloAsync(victim);
        await fixture.Cluster.WaitForLivenessToStabilizeAsync();
        var seen = ReminderTicks.Count(fixture.Signals, key, "r");
        var after = await ReminderTicks.WaitAsync(fixture.Signals, key, "r", seen + 1);

        Assert.NotEqual(victim.SiloAddress.ToString(), after.Silo);
        Assert.Single(fixture.Cluster.ActiveSilos, s => ReminderClusterFixture.ServiceOf(s).IsRunning(ReminderTicks.GrainOf(key), "r"));
    }

    [Fact]
    public async Task A_reminder_registered_through_another_silo_runs_on_the_silo_that_owns_its_grain()
    {
        var owner = fixture.Cluster.ActiveSilos.Last();
        var key = fixture.KeyOwnedBy(owner, "placed");
        var grain = fixture.ClientOf(fixture.Cluster.Primary).GetGrain<IReminderGrain>(key);

        await grain.RegisterAsync("r", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

        Assert.All(fixture.Cluster.ActiveSilos, s => Assert.Equal(s == owner, ReminderClusterFixture.ServiceOf(s).IsRunning(ReminderTicks.GrainOf(key), "r")));
    }
}
