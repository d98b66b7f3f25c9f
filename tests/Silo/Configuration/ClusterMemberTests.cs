using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TgeSwarm.Client.Api;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Silo.Tests.Configuration;

/// <summary>The same binary as a cluster member: Swarm:Postgres set, against the real PostgreSQL of the test run.</summary>
public sealed class ClusterMemberTests
{
    private const string AdminKey = "tgs_cluster-member-admin-key-0123456789abcdefghij";

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
    public async Task A_cluster_member_is_ready_only_with_its_storage_checked_too()
    {
        await using var factory = ClusterMember($"cluster-{Guid.NewGuid():N}");
        using var http = factory.CreateClient();

        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var checks = factory.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(["silo", "storage"], checks.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Contains("ready", c.Tags));
    }

    [Fact]
    public async Task An_acknowledged_memory_write_is_read_back_by_a_silo_started_afterwards()
    {
        long version;
        await using (var silo = ClusterMember($"cluster-{Guid.NewGuid():N}"))
        {
            using var http = silo.CreateClient();
            var api = new SwarmApiClient(http, AdminKey);
            version = (await api.SetMemoryAsync("persisted", "finding", "42", expectedVersion: 0)).Version;
        }

        // A new cluster (id) of the same service: only the database connects the two silos.
        await using var next = ClusterMember($"cluster-{Guid.NewGuid():N}");
        using var nextHttp = next.CreateClient();
        var nextApi = new SwarmApiClient(nextHttp, AdminKey);
        var read = await nextApi.GetMemoryAsync("persisted", "finding");

        Assert.Equal(1, version);
        Assert.Equal("42", read.Value);
        Assert.Equal(version, read.Version);
    }

    private WebApplicationFactory<Program> ClusterMember(string clusterId) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Swarm:Postgres", PostgresTestEnvironment.ConnectionString)
            .UseSetting("Swarm:ClusterSecret", "silo-tests-cluster-secret")
            .UseSetting("Swarm:ClusterId", clusterId)
            .UseSetting("Swarm:ServiceId", _serviceId)
            .UseSetting("Swarm:SiloPort", "0")
            .UseSetting("Api:AdminKey", AdminKey));

}
