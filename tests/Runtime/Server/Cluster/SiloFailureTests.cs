using TgeSwarm.Runtime.Tests.Fixtures;
using TgeSwarm.TestGrains;

namespace TgeSwarm.Runtime.Tests.Cluster;

/// <summary>DESIGN.md semantic 5: a killed silo is declared dead, its callers fail fast, its grains come back elsewhere.</summary>
public sealed class SiloKillTests(MultiSiloFixture fixture) : IClassFixture<MultiSiloFixture>
{
    [Fact]
    public async Task Killing_a_silo_during_a_long_call_fails_the_call_with_SiloUnavailableException_and_the_grain_returns_on_a_survivor_with_its_state()
    {
        var caller = fixture.Cluster.Primary;
        var victim = fixture.Cluster.Silos[2];
        var client = fixture.ClientOf(caller);
        var hangKey = Enumerable.Range(0, 1000).Select(i => $"kill-hang-{i}").First(k => victim.SiloAddress.Equals(fixture.OwnerOf("behaviour", k)));
        var counterKey = Enumerable.Range(0, 1000).Select(i => $"kill-counter-{i}").First(k => victim.SiloAddress.Equals(fixture.OwnerOf("counter", k)));
        var counter = client.GetGrain<ICounterGrain>(counterKey);
        await counter.IncrementAsync();
        await counter.IncrementAsync();
        var gate = $"kill-gate-{Guid.NewGuid():N}";
        var hanging = client.GetGrain<IBehaviourGrain>(hangKey).HangAsync(gate);
        await fixture.Signals.Gate($"entered:{gate}").Within("the long call to start on the victim");

        await fixture.Cluster.KillSiloAsync(victim);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => hanging).Within("the in-flight call to fail");
        await fixture.Cluster.WaitForLivenessToStabilizeAsync();
        Assert.Equal(3, await counter.IncrementAsync().Within("the counter on a survivor"));
        fixture.Signals.Open(gate);
    }
}

/// <summary>A graceful stop hands queued calls over: none is lost (Orleans' ShutdownSiloTests).</summary>
public sealed class SiloStopTests(MultiSiloFixture fixture) : IClassFixture<MultiSiloFixture>
{
    [Fact]
    public async Task Calls_queued_on_a_stopping_silo_are_handed_over_and_all_succeed()
    {
        var client = fixture.ClientOf(fixture.Cluster.Primary);
        var leaving = fixture.Cluster.Silos[1];
        var key = Enumerable.Range(0, 1000).Select(i => $"stop-{i}").First(k => leaving.SiloAddress.Equals(fixture.OwnerOf("behaviour", k)));
        var grain = client.GetGrain<IBehaviourGrain>(key);
        var gate = $"stop-gate-{Guid.NewGuid():N}";
        var running = grain.HangAsync(gate);
        await fixture.Signals.Gate($"entered:{gate}").Within("the first call to start");
        var queued = Enumerable.Range(0, 50).Select(_ => grain.HangAsync(gate)).ToArray();

        var stopping = fixture.Cluster.StopSiloAsync(leaving);
        fixture.Signals.Open(gate);
        await stopping.Within("the graceful stop");

        var results = await Task.WhenAll([running, .. queued]).Within("every queued call");
        Assert.All(results, r => Assert.Equal(1, r));
        var identity = await grain.GetIdentityAsync();
        Assert.DoesNotContain(leaving.SiloAddress.ToString(), identity);
    }
}
