using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Silo.Health;
using TgeSwarm.Silo.Tests.Configuration;

namespace TgeSwarm.Silo.Tests.Health;

/// <summary>The readiness check of a cluster member's PostgreSQL, against the real server and against ones that fail.</summary>
public sealed class StorageReadinessCheckTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_server_that_answers_is_ready()
    {
        await using var check = Check(PostgresTestEnvironment.ConnectionString, TimeProvider.System);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task A_server_that_refuses_connections_is_not_ready_and_the_reason_says_so()
    {
        await using var check = Check(ConnectionStringFor(ClosedPort()), TimeProvider.System);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Grain storage (PostgreSQL) does not answer: ", result.Description, StringComparison.Ordinal);
        Assert.NotNull(result.Exception);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_answers_is_not_ready_once_the_timeout_passes_on_the_clock()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var time = new FakeTimeProvider();

        // The longest timeout allowed: the driver's own connect timeout (real time, the same length) must not end the
        // attempt before the test moves the clock.
        await using var check = Check(ConnectionStringFor(((IPEndPoint)silent.LocalEndpoint).Port), time, TimeSpan.FromSeconds(30));

        var pending = check.CheckHealthAsync(new HealthCheckContext());
        using var connection = await silent.AcceptTcpClientAsync().WaitAsync(Bound);
        Assert.False(pending.IsCompleted, "the check finished before the silent server's timeout passed");
        time.Advance(TimeSpan.FromSeconds(30));
        var result = await pending.WaitAsync(Bound);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Grain storage (PostgreSQL) did not answer within 00:00:30.", result.Description);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:31")]
    public void A_storage_timeout_outside_0_to_30_seconds_is_refused_naming_the_setting(string timeout)
    {
        var result = new HealthOptionsValidator().Validate(null, new HealthOptions { StorageTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("Health:StorageTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    private static StorageReadinessCheck Check(string connectionString, TimeProvider time, TimeSpan? timeout = null) =>
        new(connectionString, Options.Create(new HealthOptions { StorageTimeout = timeout ?? TimeSpan.FromSeconds(2) }), time);

    private static string ConnectionStringFor(int port) => $"Host=127.0.0.1;Port={port};Username=swarm;Password=swarm;Database=swarm_test";

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
