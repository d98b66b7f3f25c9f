using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Client;

/// <summary>Two silos whose membership lives in the real PostgreSQL, and a client that finds them there.</summary>
public sealed class ClientPostgresClusteringTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton<TestSignals>();
            silo.AddMemoryGrainStorage("store");
            silo.UsePostgresClustering(PostgresClusterFixture.ConnectionString);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_client_with_UsePostgresClustering_finds_the_active_silos_in_the_table_and_calls_grains()
    {
        await using var external = await _cluster.CreateClientAsync(c => c.UsePostgresClustering(PostgresClusterFixture.ConnectionString))
            .Within("the client to start");

        Assert.Equal(2, ClientClusterFixture.ConnectedGateways(external));
        var counter = external.Client.GetGrain<ICounterGrain>($"postgres-{Guid.NewGuid():N}");
        Assert.Equal(1, await counter.IncrementAsync().Within("the first call"));
        Assert.Equal(2, await counter.IncrementAsync().Within("the second call"));
    }
}
