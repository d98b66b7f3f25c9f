using System.Net;
using System.Net.Sockets;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Client;

/// <summary>
/// What an external client does when gateways fail (Orleans S30): each test starts its own victim silo, so the tests
/// of this class can run in any order on one cluster.
/// </summary>
public sealed class ClientFailoverTests(ClientClusterFixture fixture) : IClassFixture<ClientClusterFixture>
{
    [Fact]
    public async Task Killing_the_gateway_a_call_waits_on_fails_that_call_and_the_next_call_goes_through_another_gateway()
    {
        var victim = await fixture.Cluster.StartAdditionalSiloAsync().Within("the victim silo to join");
        await using var external = await fixture.Cluster.CreateClientAsync().Within("the client to start");
        var grain = FindGrain(external, victim, $"kill-{Guid.NewGuid():N}");
        var gate = $"kill-gate-{Guid.NewGuid():N}";
        var hanging = grain.HangAsync(gate);
        await fixture.Signals.Gate($"entered:{gate}").Within("the call to start on its grain");

        await fixture.Cluster.KillSiloAsync(victim);

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => hanging).Within("the waiting call to fail");
        Assert.Contains(victim.SiloAddress.Endpoint.ToString(), error.Message, StringComparison.Ordinal);
        fixture.Signals.Open(gate);
        var identity = await grain.GetIdentityAsync().Within("the next call through another gateway");
        Assert.DoesNotContain(victim.SiloAddress.ToString(), identity, StringComparison.Ordinal);
        Assert.NotEqual(victim.SiloAddress, ClientClusterFixture.GatewayOf(external, grain));
    }

    [Fact]
    public async Task Stopping_the_gateway_a_call_waits_on_never_leaves_the_call_hanging_and_later_calls_use_another_gateway()
    {
        var victim = await fixture.Cluster.StartAdditionalSiloAsync().Within("the victim silo to join");
        await using var external = await fixture.Cluster.CreateClientAsync().Within("the client to start");
        var grain = FindGrain(external, victim, $"stop-{Guid.NewGuid():N}");
        var gate = $"stop-gate-{Guid.NewGuid():N}";
        var waiting = grain.HangAsync(gate);
        await fixture.Signals.Gate($"entered:{gate}").Within("the call to start on its grain");

        // A graceful stop waits (bounded) for the calls it passed on, so the answer may still come back through the
        // stopping gateway; if its connection closes first, the call fails with SiloUnavailableException instead.
        var stopping = fixture.Cluster.StopSiloAsync(victim);
        fixture.Signals.Open(gate);
        try
        {
            Assert.Equal(1, await waiting.Within("the waiting call to end"));
        }
        catch (SiloUnavailableException error)
        {
            Assert.Contains(victim.SiloAddress.Endpoint.ToString(), error.Message, StringComparison.Ordinal);
        }

        await stopping.Within("the gateway to stop");
        Assert.Equal(1, await grain.HangAsync(gate).Within("the next call through another gateway"));
        Assert.NotEqual(victim.SiloAddress, ClientClusterFixture.GatewayOf(external, grain));
    }

    [Fact]
    public async Task With_every_gateway_down_calls_fail_at_once_with_SiloUnavailableException_naming_the_gateways()
    {
        var victim = await fixture.Cluster.StartAdditionalSiloAsync().Within("the victim silo to join");
        await using var external = await fixture.Cluster.CreateClientAsync(c =>
        {
            c.UseStaticClustering(victim.SiloAddress.Endpoint);
            c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
        }).Within("the client to start");
        var counter = external.Client.GetGrain<ICounterGrain>($"down-{Guid.NewGuid():N}");
        Assert.Equal(1, await counter.IncrementAsync().Within("a call while the gateway lives"));

        await fixture.Cluster.KillSiloAsync(victim);
        await WaitUntil(() => ClientClusterFixture.ConnectedGateways(external) == 0, "the client to notice its gateway is gone");

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => counter.IncrementAsync()).Within("the call without a gateway");
        Assert.Contains("No gateway is reachable", error.Message, StringComparison.Ordinal);
        Assert.Contains(victim.SiloAddress.Endpoint.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_over_the_membership_table_connects_to_a_silo_that_joins_later()
    {
        await using var external = await fixture.Cluster.CreateClientAsync(c =>
        {
            c.UseTestClusterMembership(fixture.Cluster);
            c.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromMilliseconds(200));
        }).Within("the client to start");
        var before = ClientClusterFixture.ConnectedGateways(external);

        var joined = await fixture.Cluster.StartAdditionalSiloAsync().Within("a new silo to join");

        await WaitUntil(() => ClientClusterFixture.ConnectedGateways(external) == before + 1, "the client to connect to the new silo");
        await fixture.Cluster.StopSiloAsync(joined).Within("the new silo to stop");
    }

    [Fact]
    public async Task Start_up_with_no_reachable_gateway_fails_after_the_bounded_attempts_naming_the_gateway_and_the_error()
    {
        var nowhere = UnusedLoopbackEndpoint();

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => fixture.Cluster.CreateClientAsync(c =>
        {
            c.UseStaticClustering(nowhere);
            c.Configure<GatewayOptions>(o =>
            {
                o.InitialConnectionAttempts = 3;
                o.ConnectionRetryBackoff = TimeSpan.FromMilliseconds(20);
            });
        })).Within("the start to give up");

        Assert.Contains("in 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains(nowhere.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("Could not connect", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A behaviour grain whose calls leave through <paramref name="gateway"/> but which lives on another silo.</summary>
    private IBehaviourGrain FindGrain(ExternalClusterClient external, SiloHandle gateway, string prefix)
    {
        for (var i = 0; i < 10_000; i++)
        {
            var grain = external.Client.GetGrain<IBehaviourGrain>($"{prefix}-{i}");
            if (gateway.SiloAddress.Equals(ClientClusterFixture.GatewayOf(external, grain)) && !gateway.SiloAddress.Equals(fixture.OwnerOf(grain)))
            {
                return grain;
            }
        }

        throw new InvalidOperationException($"No key of 10 000 is pinned to gateway {gateway} and placed elsewhere.");
    }

    private static IPEndPoint UnusedLoopbackEndpoint()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = (IPEndPoint)listener.LocalEndpoint;
        listener.Stop();
        return endpoint;
    }

    private static async Task WaitUntil(Func<bool> condition, string phase)
    {
        using var bound = new CancellationTokenSource(Bounded.Wait);
        while (!condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), bound.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {Bounded.Wait} waiting for: {phase}");
            }
        }
    }
}
