using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Scheduling;

/// <summary>
/// A request that arrives over a connection for an idle activation is started by its socket read's batch (on the
/// receive loop itself when it is the read's only one) instead of a work item of its own (<c>ReadTurnBatch</c>,
/// <c>ActivationData.Inline.cs</c>); the turn rules hold as on the scheduler.
/// </summary>
public sealed class ReadTurnBatchTests(MultiSiloFixture fixture) : IClassFixture<MultiSiloFixture>
{
    [Fact]
    public async Task A_remote_call_to_an_idle_activation_runs_its_turn_on_the_receive_loop()
    {
        var (client, key) = RemoteKey("inline-idle", "behaviour");
        var grain = client.GetGrain<IBehaviourGrain>(key);
        var identity = await grain.GetIdentityAsync().Within("the activating call");
        var activation = ActivationOf("behaviour", key);

        for (var i = 0; i < 10; i++)
        {
            await UntilIdle(activation, $"behaviour/{key} to be idle before call {i}");
            Assert.Equal(identity, await grain.GetIdentityAsync().Within($"call {i}"));
        }

        // The activating call was queued behind OnActivateAsync; each of the ten found the activation idle.
        Assert.Equal(10, activation.BatchedTurns);
    }

    [Fact]
    public async Task A_turn_started_by_the_receive_loop_that_awaits_leaves_the_connection_free_for_the_calls_behind_it()
    {
        var (client, waiting) = RemoteKey("inline-hang", "behaviour");
        var host = fixture.OwnerOf("behaviour", waiting);
        var other = Enumerable.Range(0, 1000).Select(i => $"inline-other-{i}").First(k => host.Equals(fixture.OwnerOf("behaviour", k)));
        var waitingGrain = client.GetGrain<IBehaviourGrain>(waiting);
        var otherGrain = client.GetGrain<IBehaviourGrain>(other);
        await waitingGrain.GetIdentityAsync().Within("activating the waiting grain");
        var otherIdentity = await otherGrain.GetIdentityAsync().Within("activating the other grain");
        var activation = ActivationOf("behaviour", waiting);
        await UntilIdle(activation, $"behaviour/{waiting} to be idle");

        var gate = $"inline-gate-{Guid.NewGuid():N}";
        var hanging = waitingGrain.HangAsync(gate);
        await fixture.Signals.Gate($"entered:{gate}").Within("the waiting turn to start");

        // Same target silo, so the same connection and receive loop as the waiting turn's request.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(otherIdentity, await otherGrain.GetIdentityAsync().Within($"call {i} while the turn waits"));
        }

        Assert.Equal(1, activation.BatchedTurns);
        Assert.False(hanging.IsCompleted);
        fixture.Signals.Open(gate);
        Assert.Equal(1, await hanging.Within("the waiting turn after its gate opened"));
        Assert.Equal(1, await waitingGrain.HangAsync(gate).Within("a second call once the first turn's continuation ran"));
    }

    [Fact]
    public async Task A_non_reentrant_grain_queues_a_call_behind_a_waiting_turn_the_receive_loop_started_and_runs_it_after()
    {
        var (client, key) = RemoteKey("inline-queue", "concurrency");
        var grain = client.GetGrain<IConcurrencyGrain>(key);
        fixture.Signals.Open($"{key}-warm");
        await grain.WaitAsync($"{key}-warm").Within("activating the grain");
        var activation = ActivationOf("concurrency", key);
        await UntilIdle(activation, $"concurrency/{key} to be idle");

        var first = grain.WaitAsync($"{key}-1");
        await fixture.Signals.Gate($"entered:{key}-1").Within("the first (inline) turn to start");
        var second = grain.WaitAsync($"{key}-2");
        await UntilQueued(activation, $"the second call to queue on concurrency/{key}");

        Assert.False(fixture.Signals.Gate($"entered:{key}-2").IsCompleted);
        fixture.Signals.Open($"{key}-1");
        fixture.Signals.Open($"{key}-2");
        Assert.Equal(1, await first.Within("the first call"));
        Assert.Equal(1, await second.Within("the second call"));
    }

    [Fact]
    public async Task Pipelined_calls_to_several_remote_grains_run_in_each_callers_order()
    {
        var client = fixture.ClientOf(fixture.Cluster.Primary);
        var run = Guid.NewGuid().ToString("N");
        var grains = Enumerable.Range(0, 1000).Select(i => $"inline-order-{run}-{i}")
            .Where(k => !fixture.Cluster.Primary.SiloAddress.Equals(fixture.OwnerOf("counter", k)))
            .Take(4)
            .Select(k => client.GetGrain<ICounterGrain>(k))
            .ToArray();

        // Interleaved over the grains, so one read of the receive loop carries requests for several activations, some
        // finding theirs idle (inline) and some finding it busy with the previous increment's storage write (queued).
        var calls = new List<Task<int>>[grains.Length];
        for (var g = 0; g < grains.Length; g++)
        {
            calls[g] = [];
        }

        for (var i = 0; i < 50; i++)
        {
            for (var g = 0; g < grains.Length; g++)
            {
                calls[g].Add(grains[g].IncrementAsync());
            }
        }

        for (var g = 0; g < grains.Length; g++)
        {
            Assert.Equal(Enumerable.Range(1, 50), await Task.WhenAll(calls[g]).Within($"50 pipelined increments of counter {g}"));
        }
    }

    private (IClusterClient Client, string Key) RemoteKey(string prefix, string grainType)
    {
        var caller = fixture.Cluster.Primary;
        var key = Enumerable.Range(0, 1000).Select(i => $"{prefix}-{i}").First(k => !caller.SiloAddress.Equals(fixture.OwnerOf(grainType, k)));
        return (fixture.ClientOf(caller), key);
    }

    private ActivationData ActivationOf(string grainType, string key)
    {
        var grainId = GrainId.Create(grainType, key);
        var host = fixture.Cluster.Silos.Single(s => s.SiloAddress.Equals(fixture.OwnerOf(grainType, key)));
        Assert.True(host.ServiceProvider.GetRequiredService<global::TgeSwarm.Runtime.Catalog.Catalog>().TryGetActivation(grainId, out var activation), $"{grainId} is not active on {host}");
        return activation;
    }

    // Polled: "idle" (the previous turn retired on the callee) has no signal of its own; the caller's answer leaves first.
    private static Task UntilIdle(ActivationData activation, string what) => Until(() => activation.IsIdle, what);

    private static Task UntilQueued(ActivationData activation, string what) => Until(() => activation.QueuedRequests == 1, what);

    private static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5));
        }

        Assert.True(condition(), $"timed out after 10 s waiting for {what}");
    }
}
