using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>Reminders on one silo with a fake clock: schedules, TickStatus, registration rules, activation and collection.</summary>
public sealed class ReminderTests(FakeTimeReminderFixture fixture) : IClassFixture<FakeTimeReminderFixture>
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private IClusterClient Client => fixture.Client;

    private TestSignals Signals => fixture.Signals;

    private DateTime Now => fixture.Time.GetUtcNow().UtcDateTime;

    private int QueuedRequests(string key) =>
        fixture.Cluster.Primary.ServiceProvider.GetRequiredService<Runtime.Catalog.Catalog>().Activations
            .Single(a => a.GrainId.Equals(ReminderTicks.GrainOf(key))).QueuedRequests;

    [Fact]
    public async Task Ticks_arrive_at_the_due_time_and_then_every_period_with_their_schedule_in_TickStatus()
    {
        var grain = Client.GetGrain<IReminderGrain>("schedule");
        var start = Now;

        Assert.Equal("r", await grain.RegisterAsync("r", Minute, 2 * Minute));
        fixture.Time.Advance(Minute);
        var first = await ReminderTicks.WaitAsync(Signals, "schedule", "r", 1);
        fixture.Time.Advance(2 * Minute);
        var second = await ReminderTicks.WaitAsync(Signals, "schedule", "r", 2);

        Assert.Equal(new TickStatus(start + Minute, 2 * Minute, start + Minute), first.Status);
        Assert.Equal(new TickStatus(start + Minute, 2 * Minute, start + (3 * Minute)), second.Status);
        Assert.Equal(0, second.Status.MissedTicks);
    }

    [Fact]
    public async Task Registering_again_with_the_same_schedule_keeps_the_running_timer_and_its_phase()
    {
        var grain = Client.GetGrain<IReminderGrain>("same");
        var start = Now;
        await grain.RegisterAsync("r", Minute, 2 * Minute);
        fixture.Time.Advance(Minute);
        await ReminderTicks.WaitAsync(Signals, "same", "r", 1);

        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await grain.RegisterAsync("r", Minute, 2 * Minute);
        fixture.Time.Advance(TimeSpan.FromSeconds(90));
        var second = await ReminderTicks.WaitAsync(Signals, "same", "r", 2);

        // A restarted timer would have fired at start + 2.5 min and reported that as its first tick time.
        Assert.Equal(new TickStatus(start + Minute, 2 * Minute, start + (3 * Minute)), second.Status);
    }

    [Fact]
    public async Task Registering_again_with_another_period_replaces_the_schedule()
    {
        var grain = Client.GetGrain<IReminderGrain>("replace");
        var start = Now;
        await grain.RegisterAsync("r", Minute, 2 * Minute);

        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await grain.RegisterAsync("r", Minute, 3 * Minute);
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var first = await ReminderTicks.WaitAsync(Signals, "replace", "r", 1);

        // The old schedule's tick (start + 1 min) never came: the first one is the new schedule's.
        Assert.Equal(new TickStatus(start + TimeSpan.FromSeconds(90), 3 * Minute, start + TimeSpan.FromSeconds(90)), first.Status);
    }

    [Fact]
    public async Task GetReminder_GetReminders_and_UnregisterReminder_manage_the_reminders_of_one_grain()
    {
        var grain = Client.GetGrain<IReminderGrain>("crud");
        await grain.RegisterAsync("b", 2 * Minute, 2 * Minute);
        await grain.RegisterAsync("a", Minute, Minute);
        await Client.GetGrain<IReminderGrain>("crud-other").RegisterAsync("c", Minute, Minute);

        Assert.Equal(["a", "b"], await grain.GetReminderNamesAsync());
        Assert.True(fixture.Service.IsRunning(ReminderTicks.GrainOf("crud"), "a"));

        Assert.True(await grain.UnregisterAsync("a"));

        Assert.Equal(["b"], await grain.GetReminderNamesAsync());
        Assert.False(await grain.UnregisterAsync("a"));
        Assert.False(fixture.Service.IsRunning(ReminderTicks.GrainOf("crud"), "a"));
        Assert.True(fixture.Service.IsRunning(ReminderTicks.GrainOf("crud"), "b"));
        Assert.Equal(["c"], await Client.GetGrain<IReminderGrain>("crud-other").GetReminderNamesAsync());
    }

    [Fact]
    public async Task Unregistering_with_a_handle_from_before_a_re_registration_fails_with_ReminderException()
    {
        var grain = Client.GetGrain<IReminderGrain>("stale");

        var error = await Assert.ThrowsAsync<ReminderException>(() => grain.UnregisterWithStaleHandleAsync("r"));

        Assert.Contains("registered again", error.Message, StringComparison.Ordinal);
        Assert.Contains("reminder/stale", error.Message, StringComparison.Ordinal);
        Assert.Equal(["r"], await grain.GetReminderNamesAsync());
    }

    [Fact]
    public async Task Invalid_schedules_are_refused_with_argument_exceptions_that_say_what_is_wrong()
    {
        var grain = Client.GetGrain<IReminderGrain>("invalid");

        var tooShort = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.RegisterAsync("r", Minute, TimeSpan.FromSeconds(30)));
        var negativeDue = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.RegisterAsync("r", TimeSpan.FromSeconds(-1), Minute));
        var infiniteDue = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.RegisterAsync("r", Timeout.InfiniteTimeSpan, Minute));
        var infinitePeriod = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.RegisterAsync("r", Minute, Timeout.InfiniteTimeSpan));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.RegisterAsync(" ", Minute, Minute));

        Assert.Contains("MinimumReminderPeriod (00:01:00)", tooShort.Message, StringComparison.Ordinal);
        Assert.Equal("period", tooShort.ParamName);
        Assert.Contains("due time must be zero or positive", negativeDue.Message, StringComparison.Ordinal);
        Assert.Equal("dueTime", infiniteDue.ParamName);
        Assert.Contains("period must be positive and finite", infinitePeriod.Message, StringComparison.Ordinal);
        Assert.Empty(await grain.GetReminderNamesAsync());
    }

    [Fact]
    public async Task A_grain_class_that_does_not_implement_IRemindable_is_told_to()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.GetGrain<IReminderMisuseGrain>("misuse").RegisterAsync("r"));

        Assert.Contains("does not implement IRemindable", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(ReminderMisuseGrain), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tick_activates_a_grain_that_was_deactivated()
    {
        var grain = Client.GetGrain<IReminderGrain>("reactivate");
        await grain.RegisterAsync("r", Minute, Minute);
        await grain.DeactivateAsync();
        await Signals.Gate("deactivated:reactivate:1").Within("reminder/reactivate to deactivate");

        fixture.Time.Advance(Minute);
        await ReminderTicks.WaitAsync(Signals, "reactivate", "r", 1);

        Assert.Equal(2, ReminderTicks.Activations(Signals, "reactivate"));
    }

    [Fact]
    public async Task Ticks_count_as_activity_so_a_reminded_grain_outlives_the_collection_age()
    {
        var idle = Client.GetGrain<IReminderGrain>("collect-idle");
        await idle.GetReminderNamesAsync();
        var busy = Client.GetGrain<IReminderGrain>("collect-busy");
        await busy.RegisterAsync("r", 5 * Minute, 5 * Minute);

        for (var tick = 1; tick <= 4; tick++)
        {
            fixture.Time.Advance(5 * Minute);
            await ReminderTicks.WaitAsync(Signals, "collect-busy", "r", tick);
        }

        // 20 minutes on: the idle grain was collected (CollectionAge 15 min), the reminded one never was.
        await Signals.Gate("deactivated:collect-idle:1").Within("the idle grain to be collected");
        Assert.Equal(1, ReminderTicks.Activations(Signals, "collect-busy"));
        Assert.DoesNotContain(Signals.Log, entry => entry.StartsWith("reminder-deactivate:collect-busy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tick_waits_for_the_turn_of_a_non_reentrant_grain()
    {
        var grain = Client.GetGrain<IReminderGrain>("turns");
        await grain.RegisterAsync("r", Minute, Minute);
        var gate = $"turns-{Guid.NewGuid():N}";
        var holding = grain.HoldAsync(gate);
        await Signals.Gate($"entered:{gate}").Within("the long call to start");

        fixture.Time.Advance(Minute);

        // The tick is in the mailbox now; a call that may interleave runs beside the held one and sees it not started.
        Assert.Equal(1, QueuedRequests("turns"));
        Assert.Equal(0, await grain.CountTicksAsync("r"));
        Signals.Open(gate);
        await holding.Within("the long call");
        await ReminderTicks.WaitAsync(Signals, "turns", "r", 1);

        var log = Signals.Log.ToList();
        Assert.True(log.IndexOf("hold-end:turns") < log.IndexOf("tick:turns:r:1"), string.Join(", ", log));
    }

    [Fact]
    public async Task A_reminder_written_to_the_table_behind_the_services_back_starts_at_the_next_refresh()
    {
        var table = fixture.Cluster.Primary.ServiceProvider.GetRequiredService<IReminderTable>();
        var grainId = ReminderTicks.GrainOf("refresh");
        var start = Now + (6 * Minute);
        await table.UpsertRowAsync(
            new ReminderEntry { GrainId = grainId, ReminderName = "r", StartAt = start, Period = Minute, DueTime = 6 * Minute },
            null,
            CancellationToken.None);
        Assert.False(fixture.Service.IsRunning(grainId, "r"));

        fixture.Time.Advance(5 * Minute);
        await TablePolling.WaitUntilAsync(() => Task.FromResult(fixture.Service.IsRunning(grainId, "r")), "the refresh (RefreshReminderListPeriod, 5 min) to load the reminder");
        var first = await ReminderTicks.AdvanceUntilAsync(fixture.Time, Minute, Signals, "refresh", "r", 1);

        // A tick carries the time it fired. The refresh may start the reminder while Advance still steps through the
        // silo's other timers, so its timer can be armed from a clock read one step (at most a nudge) earlier and fire
        // that much after its schedule; on the system clock the gap is the microseconds between the read and arming.
        Assert.Equal((start, Minute), (first.Status.FirstTickTime, first.Status.Period));
        Assert.InRange(first.Status.CurrentTickTime, start, start + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_reminder_that_unregisters_itself_in_its_first_tick_fires_once()
    {
        var grain = Client.GetGrain<IReminderGrain>("one-shot");
        await grain.RegisterAsync("once", Minute, Minute);

        fixture.Time.Advance(Minute);
        await ReminderTicks.WaitAsync(Signals, "one-shot", "once", 1);

        Assert.Empty(await grain.GetReminderNamesAsync());
        Assert.False(fixture.Service.IsRunning(ReminderTicks.GrainOf("one-shot"), "once"));
    }

    [Fact]
    public async Task A_handler_that_throws_does_not_stop_the_schedule()
    {
        var grain = Client.GetGrain<IReminderGrain>("failing");
        await grain.RegisterAsync("fail", Minute, Minute);

        fixture.Time.Advance(Minute);
        await ReminderTicks.WaitAsync(Signals, "failing", "fail", 1);
        fixture.Time.Advance(Minute);
        var second = await ReminderTicks.WaitAsync(Signals, "failing", "fail", 2);

        Assert.Equal(second.Status.FirstTickTime + Minute, second.Status.CurrentTickTime);
    }

    [Fact]
    public async Task A_grain_interface_deriving_from_IRemindable_receives_its_ticks()
    {
        var start = Now;
        await Client.GetGrain<IReminderTargetGrain>(7).RegisterAsync("t", Minute, Minute);

        fixture.Time.Advance(Minute);
        await Signals.Gate("target-tick:7:t:1").Within("the tick of reminder-target/7");

        Assert.Equal(new TickStatus(start + Minute, Minute, start + Minute), ((ReminderTick)Signals.Values["target-tick:7:t:1"]!).Status);
    }
}
