using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Invocation;

public sealed class GrainCallTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task One_key_has_one_activation_under_100_concurrent_first_callers()
    {
        var key = Guid.NewGuid().ToString("N");
        var identities = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Client.GetGrain<IBehaviourGrain>(key).GetIdentityAsync()));

        Assert.Single(identities.Distinct());
        var activations = await Client.GetGrain<IManagementGrain>(0).GetActivations("behaviour", 10_000);
        Assert.Single(activations, a => a.GrainId.Key == key);
    }

    [Fact]
    public async Task An_exception_arrives_with_its_type_message_and_the_grain_method_in_the_stack()
    {
        var grain = Client.GetGrain<IBehaviourGrain>("thrower");

        var error = await Assert.ThrowsAsync<TestGrainException>(() => grain.ThrowAsync("boom 42"));

        Assert.Equal("boom 42", error.Message);
        Assert.Contains(nameof(BehaviourGrain.ThrowAsync), error.StackTrace);
        Assert.Equal(0, await grain.GetLastNotifiedAsync());
    }

    [Fact]
    public async Task Request_context_flows_to_the_callee_and_not_back_to_the_caller()
    {
        RequestContext.Set("trace", "from-test");
        try
        {
            var a = Client.GetGrain<IBehaviourGrain>("context-a");
            var b = Client.GetGrain<IBehaviourGrain>("context-b");

            Assert.Equal("from-test", await a.GetContextValueAsync("trace"));
            Assert.Equal("set-by-a", await a.SetAndForwardAsync("other", "set-by-a", b));
            Assert.Null(RequestContext.Get("other"));
            Assert.Equal("from-test", RequestContext.Get("trace"));
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    [Fact]
    public async Task Mutable_arguments_and_results_are_copied_for_local_calls()
    {
        var values = new List<int> { 1, 2 };

        var returned = await Client.GetGrain<IBehaviourGrain>("copier").MutateAsync(values);

        Assert.Equal([1, 2], values);
        Assert.Equal([1, 2, -1], returned);
        Assert.NotSame(values, returned);
    }

    [Fact]
    public async Task Immutable_arguments_are_passed_without_a_copy()
    {
        var data = new byte[] { 1, 2, 3 };
        fixture.Signals.Values["immutable"] = data;

        Assert.True(await Client.GetGrain<IBehaviourGrain>("immutable").IsSharedAsync(data, "immutable"));
    }

    [Fact]
    public async Task A_one_way_call_returns_before_the_grain_runs_it_and_the_grain_still_runs_it()
    {
        var grain = Client.GetGrain<IBehaviourGrain>("one-way");
        fixture.Signals.Values["unused"] = null;

        await grain.NotifyAsync(7);
        await fixture.Signals.Gate("notified:one-way:7").Within("the one-way call to run");

        Assert.Equal(7, await grain.GetLastNotifiedAsync());
    }

    [Fact]
    public async Task A_cancelled_token_cancels_the_call()
    {
        using var cancellation = new CancellationTokenSource();
        var call = Client.GetGrain<IBehaviourGrain>("cancel").WaitForCancellationAsync(cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within("the cancelled call to end"));
    }

    [Fact]
    public async Task Guid_and_compound_keys_come_back_as_they_were_given()
    {
        var guid = Guid.NewGuid();

        Assert.Equal(guid, await Client.GetGrain<IGuidKeyGrain>(guid).GetKeyAsync());
        Assert.Equal("-5+east", await Client.GetGrain<ICompoundKeyGrain>(-5, "east").GetKeyAsync());
    }

    [Fact]
    public async Task A_generated_record_round_trips_through_a_call()
    {
        var sent = new SampleRecord("BTC-USDT", 97_123.45m, ["spot", "binance"]);

        var echoed = await Client.GetGrain<IBehaviourGrain>("echo").EchoAsync(sent);

        Assert.Equal(sent.Name, echoed.Name);
        Assert.Equal(sent.Price, echoed.Price);
        Assert.Equal(sent.Tags, echoed.Tags);
        Assert.NotSame(sent.Tags, echoed.Tags);
    }
}
