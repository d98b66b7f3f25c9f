using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Silo.Tests.Configuration;

/// <summary>The same binary as a cluster member: Swarm:Postgres set, against the real PostgreSQL of the test run.</summary>
public sealed class ClusterMemberTests
{
    private readonly string _serviceId = $"silo-tests-{Guid.NewGuid():N}";

    [Fact]
    public async Task With_a_connection_string_membership_and_grain_state_live_in_postgres()
    {
        await using var factory = ClusterMember($"cluster-{Guid.NewGuid():N}");

        var table = factory.Services.GetRequiredService<IMembershipTable>();
        var storage = factory.Services.GetRequiredKeyedService<IGrainStorage>("Default");

        Assert.Equal("PostgresMembershipTable", table.GetType().Name);
        Assert.Equal("PostgresGrainStorage", storage.GetType().Name);
    }

    [Fact]
    public async Task An_acknowledged_increment_is_read_back_by_a_silo_started_afterwards()
    {
        long first;
        await using (var silo = ClusterMember($"cluster-{Guid.NewGuid():N}"))
        {
            using var client = silo.CreateClient();
            using var response = await client.PostAsync(new Uri("/probe/persisted/increment", UriKind.Relative), content: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            first = (await response.Content.ReadFromJsonAsync<ProbeBody>())!.Value;
        }

        // A new cluster (id) of the same service: only the database connects the two silos.
        await using var next = ClusterMember($"cluster-{Guid.NewGuid():N}");
        using var nextClient = next.CreateClient();
        var read = await nextClient.GetFromJsonAsync<ProbeBody>(new Uri("/probe/persisted", UriKind.Relative));

        Assert.Equal(1, first);
        Assert.Equal(1, read!.Value);
    }

    private WebApplicationFactory<Program> ClusterMember(string clusterId) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Swarm:Postgres", PostgresTestEnvironment.ConnectionString)
            .UseSetting("Swarm:ClusterSecret", "silo-tests-cluster-secret")
            .UseSetting("Swarm:ClusterId", clusterId)
            .UseSetting("Swarm:ServiceId", _serviceId)
            .UseSetting("Swarm:SiloPort", "0"));

    private sealed record ProbeBody(string Key, long Value, string Silo);
}
