using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Silo.Tests.Configuration;

public sealed class SwarmSectionTests
{
    [Fact]
    public async Task The_swarm_section_reaches_the_runtime_options()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Swarm:SiloName", "configured-silo")
            .UseSetting("Swarm:SiloPort", "0")
            .UseSetting("Swarm:AdvertisedAddress", "127.0.0.2")
            .UseSetting("Swarm:ClusterId", "cluster-from-config")
            .UseSetting("Swarm:ServiceId", "service-from-config")
            .UseSetting("Swarm:ClusterSecret", "a-secret-of-24-characters"));
        var services = factory.Services;

        var silo = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;

        Assert.Equal(("configured-silo", 0, "127.0.0.2"), (silo.SiloName, silo.SiloPort, silo.AdvertisedAddress));
        Assert.Equal(("cluster-from-config", "service-from-config"), (cluster.ClusterId, cluster.ServiceId));
        Assert.Equal("a-secret-of-24-characters", services.GetRequiredService<IOptions<ConnectionOptions>>().Value.ClusterSecret);
        Assert.Equal("configured-silo", services.GetRequiredService<ILocalSiloDetails>().Name);
    }

    [Fact]
    public async Task The_membership_subsection_binds_onto_the_runtime_membership_options()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Swarm:SiloPort", "0")
            .UseSetting("Swarm:Membership:ProbeTimeout", "00:00:00.500")
            .UseSetting("Swarm:Membership:NumMissedProbesLimit", "4"));

        var membership = factory.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;

        Assert.Equal((TimeSpan.FromMilliseconds(500), 4), (membership.ProbeTimeout, membership.NumMissedProbesLimit));
    }

    [Fact]
    public async Task Without_a_swarm_section_the_runtime_keeps_its_own_defaults()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("Swarm:SiloPort", "0"));

        var silo = factory.Services.GetRequiredService<IOptions<SiloOptions>>().Value;
        var cluster = factory.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;

        Assert.Equal(new SiloOptions().SiloName, silo.SiloName);
        Assert.Equal("127.0.0.1", silo.AdvertisedAddress);
        Assert.Equal((ClusterOptions.DefaultClusterId, ClusterOptions.DefaultServiceId), (cluster.ClusterId, cluster.ServiceId));
        Assert.Null(factory.Services.GetRequiredService<IOptions<ConnectionOptions>>().Value.ClusterSecret);
    }

    [Fact]
    public async Task An_invalid_swarm_section_stops_the_host_before_it_starts()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Swarm:SiloPort", "70000")
            .UseSetting("Swarm:Postgres", "Host=127.0.0.1"));

        var error = Assert.Throws<OptionsValidationException>(() => factory.Services);

        Assert.Equal(
            [
                "Swarm:SiloPort must be between 0 and 65535 (was 70000).",
                "Swarm:ClusterSecret is required when Swarm:Postgres is set: cluster members must authenticate each other.",
            ],
            error.Failures);
    }
}
