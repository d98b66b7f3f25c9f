using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Postgres.Persistence;

namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

public sealed class UnreachableServerTests
{
    [Fact]
    public async Task An_unreachable_server_fails_the_call_within_the_connect_timeout_instead_of_hanging()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresTestEnvironment.ConnectionString)
        {
            Port = ClosedPort(),
            Timeout = 5,
        }.ConnectionString;
        await using var databases = new PostgresDatabases(NullLoggerFactory.Instance);
        var storage = new PostgresGrainStorage(
            "store", databases.Get(connectionString), "unreachable", new GrainStatePayloadCodec(GrainStateFormat.Json, null, null),
            NullLogger<PostgresGrainStorage>.Instance);
        var started = Stopwatch.GetTimestamp();

        // WaitAsync turns a hang into a TimeoutException, which fails the typed assertion.
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => storage
            .ReadStateAsync("state", GrainId.Create("counter", "k"), new GrainState<CounterState>(CounterState.Empty), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30));
    }

    // A port that was just free on loopback: nothing listens there, so a connect is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
