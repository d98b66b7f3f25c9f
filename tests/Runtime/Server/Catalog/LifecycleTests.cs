using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Catalog;

public sealed class LifecycleTests(FakeTimeClusterFixture fixture) : IClassFixture<FakeTimeClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    private TestSignals Signals => fixture.Signals;

    [Fact]
    public async Task An_exception_in_OnActivateAsync_reaches_the_caller_naming_grain_and_method()
    {
        var error = await Assert.ThrowsAsync<ActivationFailedException>(() => Client.GetGrain<ILifecycleGrain>(-7).PingAsync().Within("the failed activation"));

        Assert.Contains("lifecycle/FFFFFFFFFFFFFFF9", error.Message);
        Assert.Contains("ILifecycleGrain", error.Message);
        Assert.Contains(nameof(ILifecycleGrain.PingAsync), error.Message);
        Assert.Contains("OnActivateAsync", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task DeactivateOnIdle_runs_OnDeactivateAsync_and_the_next_call_gets_a_new_activation()
    {
        var grain = Client.GetGrain<ILifecycleGrain>(101);
        var first = await grain.PingAsync();

        await grain.DeactivateAsync();
        await Signals.Gate("deactivated:101").Within("OnDeactivateAsync");
        var second = await grain.PingAsync();

        Assert.NotEqual(first, second);
        Assert.Contains("deactivate:101:ApplicationRequested", Signals.Log);
    }

    [Fact]
    public async Task An_idle_activation_is_collected_after_the_collection_age_and_not_before()
    {
        var grain = Client.GetGrain<ILifecycleGrain>(102);
        var first = await grain.PingAsync();

        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(first, await grain.PingAsync());

        fixture.Time.Advance(TimeSpan.FromMinutes(17));
        await Signals.Gate("deactivated:102").Within("idle collection");

        Assert.Contains("deactivate:102:ActivationIdle", Signals.Log);
        Assert.NotEqual(first, await grain.PingAsync());
    }

    [Fact]
    public async Task A_grain_timer_ticks_without_keeping_its_activation_alive()
    {
        var grain = Client.GetGrain<ILifecycleGrain>(103);
        await grain.StartTimerAsync(TimeSpan.FromMinutes(1), keepAlive: false);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await Signals.Gate("tick:103:1").Within("the first tick");
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await Signals.Gate("tick:103:2").Within("the second tick");

        // Ticks are not activity: somewhat past the 15-minute collection age the activation goes, timer and all.
        var deactivated = Signals.Gate("deactivated:103");
        for (var minute = 0; minute < 40 && !deactivated.IsCompleted; minute++)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(deactivated, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        await deactivated.Within("collection despite the timer");
    }

    [Fact]
    public async Task A_keep_alive_timer_keeps_its_activation_from_collection()
    {
        var grain = Client.GetGrain<ILifecycleGrain>(104);
        var first = await grain.PingAsync();
        await grain.StartTimerAsync(TimeSpan.FromMinutes(1), keepAlive: true);

        for (var i = 1; i <= 30; i++)
        {
            // The period restarts when a tick completes (Orleans' rule), which may be just after the gate opened; so
            // time moves in small steps until the tick comes, instead of one exact period that could be too early.
            var tick = Signals.Gate($"tick:104:{i}");
            for (var step = 0; step < 20 && !tick.IsCompleted; step++)
            {
                fixture.Time.Advance(TimeSpan.FromSeconds(10));
                await Task.WhenAny(tick, Task.Delay(TimeSpan.FromMilliseconds(50)));
            }

            await tick.Within($"tick {i}");
        }

        Assert.DoesNotContain(Signals.Log, e => e.StartsWith("deactivate:104", StringComparison.Ordinal));
        Assert.Equal(first, await grain.PingAsync());
        await grain.StopTimerAsync();
    }

    [Fact]
    public async Task Deactivation_cancels_a_running_timer_callback_instead_of_waiting_for_it()
    {
        var grain = Client.GetGrain<ILifecycleGrain>(108);
        await grain.StartWaitingTimerAsync(TimeSpan.FromSeconds(1));
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Signals.Gate("timer-waiting:108").Within("the timer callback running");

        await grain.DeactivateWhileBusyAsync();

        await Signals.Gate("deactivated:108").Within("the deactivation the waiting callback must not hold up");
        Assert.Contains("timer-cancelled:108", Signals.Log);
    }

    [Fact]
    public async Task A_tick_queued_when_deactivation_starts_dies_with_its_activation()
    {
        var grain = Client.GetGrain<ILifecycleGrain>(109);
        await grain.StartTimerAsync(TimeSpan.FromSeconds(5), keepAlive: false);
        var held = grain.HoldAsync("release:109");
        await Signals.Gate("holding:109").Within("the activation held");

        // The tick fires now and waits in the mailbox behind the held turn (well inside the held call's timeout).
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        await grain.DeactivateWhileBusyAsync();
        Signals.Open("release:109");
        await held.Within("the held turn");
        await Signals.Gate("deactivated:109").Within("the deactivation");

        // Handed over, the tick would have run the old instance's callback and activated the grain again for it.
        await grain.PingAsync();
        await grain.PingAsync();
        var tick = Signals.Gate("tick:109:1");
        Assert.NotSame(tick, await Task.WhenAny(tick, Task.Delay(TimeSpan.FromMilliseconds(300))));
        Assert.Equal(2, Signals.Log.Count(e => e == "activate:109"));
    }

    [Fact]
    public async Task A_full_mailbox_refuses_requests_with_ActivationOverloadedException_naming_the_grain()
    {
        var grain = Client.GetGrain<IBehaviourGrain>("overloaded");
        var running = grain.HangAsync("overloaded-gate");
        await Signals.Gate("entered:overloaded-gate").Within("the blocking request");
        var queued = Enumerable.Range(0, 3).Select(_ => grain.HangAsync("overloaded-gate")).ToArray();

        var error = await Assert.ThrowsAsync<ActivationOverloadedException>(() => grain.HangAsync("overloaded-gate"));

        Assert.Contains("behaviour/overloaded", error.Message);
        Assert.True(error.IsTransient);
        Signals.Open("overloaded-gate");
        await Task.WhenAll([running, .. queued]).Within("the queued requests after the gate opened");
    }

    [Fact]
    public async Task A_request_that_never_completes_times_out_and_a_stuck_activation_is_replaced()
    {
        var grain = Client.GetGrain<IBehaviourGrain>("stuck");
        var first = await grain.GetIdentityAsync();
        var hanging = grain.HangAsync("never-opened");
        await Signals.Gate("entered:never-opened").Within("the hanging request");

        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => hanging.Within("the response timeout"));
        Assert.Contains("HangAsync", timeout.Message);
        Assert.Contains("behaviour/stuck", timeout.Message);

        // Past the stuck limit the collector replaces the activation; a call queued behind the stuck turn is handed over.
        fixture.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.NotEqual(first, await grain.GetIdentityAsync().Within("a call after the stuck activation was replaced"));
    }

    [Fact]
    public async Task A_request_that_timed_out_while_queued_is_dropped_unrun()
    {
        var grain = Client.GetGrain<IBehaviourGrain>("queued-timeout");
        var running = grain.HangAsync("queued-first");
        await Signals.Gate("entered:queued-first").Within("the first request");
        var queued = grain.HangAsync("queued-second");

        fixture.Time.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAsync<TimeoutException>(() => queued.Within("the queued request's timeout"));
        await Assert.ThrowsAsync<TimeoutException>(() => running.Within("the running request's timeout"));
        Signals.Open("queued-first");

        // A later call runs after the place where the dropped one would have run.
        await grain.GetIdentityAsync().Within("a call after the dropped one");
        Assert.False(Signals.Gate("entered:queued-second").IsCompleted, "the timed-out queued request ran");
    }
}
