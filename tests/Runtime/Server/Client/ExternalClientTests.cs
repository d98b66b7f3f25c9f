using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Client;

/// <summary>An external client (its own host, UseSwarmClient) calling a 3-silo cluster through gateways over TCP.</summary>
public sealed class ExternalClientTests(ClientClusterFixture fixture) : IClassFixture<ClientClusterFixture>
{
    [Fact]
    public async Task Calls_return_results_from_grains_on_every_silo()
    {
        await using var external = await fixture.Cluster.CreateClientAsync().Within("the client to start");
        Assert.Equal(3, ClientClusterFixture.ConnectedGateways(external));

        var owners = new HashSet<SiloAddress>();
        for (var i = 0; i < 12; i++)
        {
            var counter = external.Client.GetGrain<ICounterGrain>($"results-{i}");
            Assert.Equal(1, await counter.IncrementAsync().Within($"counter results-{i}"));
            Assert.Equal(2, await counter.IncrementAsync().Within($"counter results-{i}"));
            owners.Add(fixture.OwnerOf(counter));
        }

        // Twelve keys over three silos: the calls reached grains on more than one silo through the gateways.
        Assert.True(owners.Count > 1, $"all 12 grains hashed to {string.Join(", ", owners)}");
    }

    [Fact]
    public async Task A_grain_exception_reaches_the_client_with_its_type_and_message()
    {
        await using var external = await fixture.Cluster.CreateClientAsync().Within("the client to start");
        var grain = external.Client.GetGrain<IBehaviourGrain>("throws");

        var error = await Assert.ThrowsAsync<TestGrainException>(() => grain.ThrowAsync("boom from the grain")).Within("the failing call");

        Assert.Equal("boom from the grain", error.Message);
    }

    [Fact]
    public async Task Request_context_set_on_the_client_reaches_the_grain_and_its_callees()
    {
        await using var external = await fixture.Cluster.CreateClientAsync().Within("the client to start");
        var first = external.Client.GetGrain<IBehaviourGrain>("context-a");
        var second = external.Client.GetGrain<IBehaviourGrain>("context-b");

        RequestContext.Set("tenant", "acme");
        try
        {
            Assert.Equal("acme", await first.GetContextValueAsync("tenant").Within("the context read"));
            Assert.Equal("forwarded", await first.SetAndForwardAsync("hop", "forwarded", second).Within("the forwarded context"));
        }
        finally
        {
            RequestContext.Clear();
        }

        Assert.Null(await first.GetContextValueAsync("tenant").Within("the read without context"));
    }

    [Fact]
    public async Task Fifty_pipelined_calls_to_one_grain_arrive_in_order()
    {
        await using var external = await fixture.Cluster.CreateClientAsync().Within("the client to start");
        var counter = external.Client.GetGrain<ICounterGrain>($"pipelined-{Guid.NewGuid():N}");

        var calls = Enumerable.Range(0, 50).Select(_ => counter.IncrementAsync()).ToArray();
        var results = await Task.WhenAll(calls).Within("the 50 pipelined increments");

        Assert.Equal(Enumerable.Range(1, 50), results);
    }

    [Fact]
    public async Task A_client_over_the_membership_table_finds_every_active_silo_as_a_gateway()
    {
        await using var external = await fixture.Cluster.CreateClientAsync(c => c.UseTestClusterMembership(fixture.Cluster)).Within("the client to start");

        Assert.Equal(3, ClientClusterFixture.ConnectedGateways(external));
        Assert.Equal(1, await external.Client.GetGrain<ICounterGrain>($"membership-{Guid.NewGuid():N}").IncrementAsync().Within("a call"));
    }

    [Fact]
    public async Task Client_outgoing_filters_see_each_call_and_its_result()
    {
        var filter = new RecordingOutgoingFilter();
        await using var external = await fixture.Cluster.CreateClientAsync(c => c.Services.AddSingleton<IOutgoingGrainCallFilter>(filter)).Within("the client to start");

        await external.Client.GetGrain<ICounterGrain>($"filtered-{Guid.NewGuid():N}").IncrementAsync().Within("the filtered call");

        Assert.Equal(["IncrementAsync=1"], filter.Calls);
    }

    [Fact]
    public async Task A_call_with_a_cancelled_token_fails_with_OperationCanceledException_without_being_sent()
    {
        // Remote callees get no cancellation message (as between silos), so the token is cancelled before the call:
        // a grain waiting on it forever would pin its activation.
        await using var external = await fixture.Cluster.CreateClientAsync().Within("the client to start");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => external.Client.GetGrain<IBehaviourGrain>("cancel").WaitForCancellationAsync(cancellation.Token)).Within("the cancelled call");
    }

    [Fact]
    public async Task A_call_without_a_response_fails_with_TimeoutException_after_the_client_response_timeout()
    {
        await using var external = await fixture.Cluster.CreateClientAsync(
            c => c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMilliseconds(300))).Within("the client to start");
        var gate = $"timeout-{Guid.NewGuid():N}";
        var grain = external.Client.GetGrain<IBehaviourGrain>(gate);
        try
        {
            var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.HangAsync(gate)).Within("the call to time out");
            Assert.Contains("IBehaviourGrain.HangAsync", error.Message, StringComparison.Ordinal);
            Assert.Contains(gate, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            fixture.Signals.Open(gate);
        }
    }

    [Fact]
    public async Task A_client_with_another_cluster_id_fails_to_start_naming_the_refusal()
    {
        var error = await Assert.ThrowsAsync<SwarmException>(() => fixture.Cluster.CreateClientAsync(
            c => c.Configure<ClusterOptions>(o => o.ClusterId = "some-other-cluster"))).Within("the refused start");

        Assert.Contains("ClusterIdMismatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("some-other-cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_a_cluster_secret_the_silos_lack_fails_to_start_naming_the_refusal()
    {
        var error = await Assert.ThrowsAsync<SwarmException>(() => fixture.Cluster.CreateClientAsync(
            c => c.Configure<ConnectionOptions>(o => o.ClusterSecret = "not-the-cluster-secret"))).Within("the refused start");

        Assert.Contains("SecretMismatch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseSwarmClient_refuses_a_second_client_and_a_silo_host()
    {
        var twice = Assert.Throws<InvalidOperationException>(() =>
            new Microsoft.Extensions.Hosting.HostApplicationBuilder().UseSwarmClient().UseSwarmClient());
        Assert.Contains("twice", twice.Message, StringComparison.Ordinal);

        var silo = Assert.Throws<InvalidOperationException>(() =>
            new Microsoft.Extensions.Hosting.HostApplicationBuilder().UseSwarmSilo().UseSwarmClient());
        Assert.Contains("already a silo", silo.Message, StringComparison.Ordinal);

        var client = Assert.Throws<InvalidOperationException>(() =>
            new Microsoft.Extensions.Hosting.HostApplicationBuilder().UseSwarmClient().UseSwarmSilo());
        Assert.Contains("already an external client", client.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_a_non_positive_response_timeout_fails_to_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => fixture.Cluster.CreateClientAsync(
            c => c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.Zero))).Within("the refused start");

        Assert.Contains("ResponseTimeout", error.Message, StringComparison.Ordinal);
    }
}
