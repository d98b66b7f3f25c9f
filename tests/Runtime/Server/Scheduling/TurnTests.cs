using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Scheduling;

public sealed class TurnTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    private TestSignals Signals => fixture.Signals;

    [Fact]
    public async Task A_non_reentrant_grain_queues_the_second_request_until_the_first_completes()
    {
        var key = Unique();
        var grain = Client.GetGrain<IConcurrencyGrain>(key);
        var first = grain.WaitAsync($"{key}-1");
        await Signals.Gate($"entered:{key}-1").Within("the first request to start");

        var second = grain.WaitAsync($"{key}-2");
        var activation = await Describe("concurrency", key);
        Assert.Equal(1, activation.RunningRequests);
        Assert.Equal(1, activation.QueuedRequests);

        Signals.Open($"{key}-1");
        Signals.Open($"{key}-2");
        Assert.Equal(1, await first.Within("the first request"));
        Assert.Equal(1, await second.Within("the second request"));
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_at_awaits()
    {
        var key = Unique();
        var grain = Client.GetGrain<IReentrantConcurrencyGrain>(key);
        var first = grain.WaitAsync($"{key}-1");
        var second = grain.WaitAsync($"{key}-2");
        await Signals.Gate($"entered:{key}-1").Within("the first request to start");
        await Signals.Gate($"entered:{key}-2").Within("the second request to start while the first waits");

        Signals.Open($"{key}-1");
        Signals.Open($"{key}-2");
        Assert.Equal(2, await first.Within("the first request"));
        Assert.Equal(2, await second.Within("the second request"));
    }

    [Fact]
    public async Task Read_only_requests_interleave_with_each_other()
    {
        var key = Unique();
        var grain = Client.GetGrain<IConcurrencyGrain>(key);
        var first = grain.ReadAsync($"{key}-1");
        var second = grain.ReadAsync($"{key}-2");
        await Signals.Gate($"entered:{key}-2").Within("the second read-only request to start beside the first");

        Signals.Open($"{key}-1");
        Signals.Open($"{key}-2");
        Assert.Equal(2, await second.Within("the second request"));
        await first.Within("the first request");
    }

    [Fact]
    public async Task An_always_interleave_method_runs_beside_a_blocked_request()
    {
        var key = Unique();
        var grain = Client.GetGrain<IConcurrencyGrain>(key);
        var blocked = grain.WaitAsync($"{key}-blocked");
        await Signals.Gate($"entered:{key}-blocked").Within("the blocking request to start");

        var interleaved = grain.InterleaveAsync($"{key}-free");
        await Signals.Gate($"entered:{key}-free").Within("the interleaving request to start");
        Signals.Open($"{key}-free");
        Assert.Equal(2, await interleaved.Within("the interleaving request"));

        Signals.Open($"{key}-blocked");
        await blocked.Within("the blocking request");
    }

    [Fact]
    public async Task Turns_of_a_reentrant_grain_never_run_on_two_threads_at_once()
    {
        var grain = Client.GetGrain<IReentrantConcurrencyGrain>(Unique());

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => grain.YieldManyAsync(200)));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public async Task A_call_cycle_without_reentrancy_is_reported_as_a_deadlock_naming_the_chain()
    {
        var a = Unique();
        var b = Unique();

        var error = await Assert.ThrowsAsync<DeadlockException>(
            () => Client.GetGrain<IChainGrain>(a).CallAlongAsync([b, a], allowReentrancy: false).Within("the deadlock to be reported"));

        Assert.Equal([$"chain/{a}", $"chain/{b}", $"chain/{a}"], error.CallChain.Select(g => g.ToString()));
        Assert.Contains($"chain/{a} -> chain/{b} -> chain/{a}", error.Message);
    }

    [Fact]
    public async Task A_call_cycle_inside_AllowCallChainReentrancy_completes()
    {
        var a = Unique();
        var b = Unique();

        var path = await Client.GetGrain<IChainGrain>(a).CallAlongAsync([b, a], allowReentrancy: true).Within("the reentrant cycle");

        Assert.Equal($"{a}>{b}>{a}", path);
    }

    [Fact]
    public async Task A_call_back_from_a_one_way_call_waits_for_the_busy_caller_instead_of_failing_as_a_deadlock()
    {
        var a = Unique();
        var b = Unique();
        var gate = Unique();

        // The caller of a one-way call does not wait on it, so the callee's calls back are ordinary calls: they
        // queue behind the caller's turn, which here is still running when the call back arrives.
        await Client.GetGrain<IChainGrain>(a).NotifyAndWaitAsync(b, gate).Within("the notifying turn");
        await Signals.Gate($"{gate}:answered").Within("the call back to be answered");

        Assert.Equal(a, Signals.Values[gate]);
    }

    [Fact]
    public async Task A_stateless_worker_spreads_concurrent_requests_over_at_most_its_maximum_activations()
    {
        var gate = Unique();
        var calls = Enumerable.Range(0, 6).Select(_ => Client.GetGrain<IWorkerGrain>(0).WorkAsync(gate)).ToArray();
        Signals.Open(gate);

        var identities = await Task.WhenAll(calls).Within("the worker calls");

        Assert.Equal(2, identities.Distinct().Count());
    }

    private async Task<ActivationInfo> Describe(string grainType, string key)
    {
        var activations = await Client.GetGrain<IManagementGrain>(0).GetActivations(grainType, 100_000);
        return Assert.Single(activations, a => a.GrainId.Key == key);
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..12];
}
