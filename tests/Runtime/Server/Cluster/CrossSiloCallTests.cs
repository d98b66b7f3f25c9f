using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Tests.Fixtures;
using TgeSwarm.TestGrains;

namespace TgeSwarm.Runtime.Tests.Cluster;

/// <summary>DESIGN.md semantics 1–3 across three silos: one activation per grain, ordering, exceptions, context, deadlocks.</summary>
public sealed class CrossSiloCallTests(MultiSiloFixture fixture) : IClassFixture<MultiSiloFixture>
{
    [Fact]
    public async Task One_activation_serves_100_concurrent_first_callers_spread_over_all_silos()
    {
        var silos = fixture.Cluster.Silos;
        for (var key = 0; key < 5; key++)
        {
            var calls = Enumerable.Range(0, 100)
                .Select(i => fixture.ClientOf(silos[i % silos.Count]).GetGrain<IBehaviourGrain>($"single-{key}").GetIdentityAsync())
                .ToArray();

            var identities = await Task.WhenAll(calls).Within("100 concurrent first calls");

            Assert.Single(identities.Distinct());
        }
    }

    [Fact]
    public async Task Grains_spread_over_the_silos_and_every_silo_reaches_each_of_them()
    {
        var hosts = new HashSet<string>();
        for (var key = 0; key < 30; key++)
        {
            var identities = await Task.WhenAll(fixture.Cluster.Silos.Select(s => fixture.ClientOf(s).GetGrain<IBehaviourGrain>($"spread-{key}").GetIdentityAsync()));
            Assert.Single(identities.Distinct());
            hosts.Add(fixture.HostOf(identities[0]).Name);
        }

        Assert.True(hosts.Count >= 2, $"30 grains all landed on {string.Join(", ", hosts)}");
    }

    [Fact]
    public async Task Calls_from_one_caller_to_a_remote_grain_run_in_the_order_they_were_made()
    {
        var (caller, key) = RemoteKey("order", "counter");
        var counter = fixture.ClientOf(caller).GetGrain<ICounterGrain>(key);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => counter.IncrementAsync())).Within("50 pipelined increments");

        Assert.Equal(Enumerable.Range(1, 50), results);
    }

    [Fact]
    public async Task An_exception_crosses_silos_with_its_type_message_and_the_grain_method_in_the_stack()
    {
        var (caller, key) = RemoteKey("throw");
        var grain = fixture.ClientOf(caller).GetGrain<IBehaviourGrain>(key);

        var error = await Assert.ThrowsAsync<TestGrainException>(() => grain.ThrowAsync("remote failure"));

        Assert.Equal("remote failure", error.Message);
        Assert.Contains(nameof(BehaviourGrain.ThrowAsync), error.StackTrace);
    }

    [Fact]
    public async Task Request_context_flows_from_grain_to_grain_across_silos()
    {
        var (caller, key) = RemoteKey("context-a");
        var client = fixture.ClientOf(caller);
        var first = client.GetGrain<IBehaviourGrain>(key);
        var second = client.GetGrain<IBehaviourGrain>($"{key}-b");

        var seen = await first.SetAndForwardAsync("trace", "t-42", second);

        Assert.Equal("t-42", seen);
    }

    [Fact]
    public async Task A_call_cycle_across_silos_is_reported_as_a_deadlock_naming_the_chain()
    {
        var client = fixture.ClientOf(fixture.Cluster.Primary);
        var (a, b) = TwoKeysOnDifferentSilos("cycle", "chain");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => client.GetGrain<IChainGrain>(a).CallAlongAsync([b, a], false)).Within("the deadlock report");

        Assert.Contains($"chain/{a}", error.Message);
        Assert.Contains($"chain/{b}", error.Message);
    }

    [Fact]
    public async Task A_call_cycle_across_silos_completes_inside_a_call_chain_reentrancy_scope()
    {
        var client = fixture.ClientOf(fixture.Cluster.Primary);
        var (a, b) = TwoKeysOnDifferentSilos("reentrant", "chain");

        var path = await client.GetGrain<IChainGrain>(a).CallAlongAsync([b, a], true).Within("the reentrant cycle");

        Assert.Equal($"{a}>{b}>{a}", path);
    }

    [Fact]
    public async Task The_management_grain_reports_every_silo_and_activations_on_all_of_them()
    {
        for (var key = 0; key < 12; key++)
        {
            await fixture.ClientOf(fixture.Cluster.Primary).GetGrain<ILifecycleGrain>(9000 + key).PingAsync();
        }

        var management = fixture.ClientOf(fixture.Cluster.Silos[1]).GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        var statistics = await management.GetSimpleGrainStatistics();
        var activations = await management.GetActivations("lifecycle", 100);

        Assert.Equal(3, hosts.Count);
        Assert.All(hosts, h => Assert.Equal(SiloStatus.Active, h.Status));
        Assert.All(hosts, h => Assert.Equal(StartTimeOf(h.SiloAddress), h.StartedAt));
        Assert.True(statistics.Where(s => s.GrainType == "lifecycle").Select(s => s.SiloAddress).Distinct().Count() >= 2);
        Assert.True(activations.Count >= 12);
    }

    private DateTimeOffset StartTimeOf(string siloAddress) =>
        fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == siloAddress).ServiceProvider.GetRequiredService<Hosting.LocalSiloDetails>().StartedAt;

    /// <summary>A client on the primary and a key of <paramref name="grainType"/> that hash placement puts on another silo.</summary>
    private (Testing.SiloHandle Caller, string Key) RemoteKey(string prefix, string grainType = "behaviour")
    {
        var caller = fixture.Cluster.Primary;
        var key = Enumerable.Range(0, 1000).Select(i => $"{prefix}-{i}").First(k => !caller.SiloAddress.Equals(fixture.OwnerOf(grainType, k)));
        return (caller, key);
    }

    private (string A, string B) TwoKeysOnDifferentSilos(string prefix, string grainType)
    {
        var (_, first) = RemoteKey($"{prefix}-a", grainType);
        var firstOwner = fixture.OwnerOf(grainType, first);
        var second = Enumerable.Range(0, 1000).Select(i => $"{prefix}-b-{i}").First(k => !firstOwner.Equals(fixture.OwnerOf(grainType, k)));
        return (first, second);
    }
}
