using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class ClusterEndpointTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>
{
    [Fact]
    public async Task Silos_lists_this_silo_as_active()
    {
        var silo = factory.Services.GetRequiredService<ILocalSiloDetails>();

        var silos = await factory.Admin().GetSilosAsync();

        var only = Assert.Single(silos);
        Assert.Equal(silo.SiloAddress.ToString(), only.SiloAddress);
        Assert.Equal("api-test-silo", only.Name);
        Assert.Equal(SiloStatus.Active, only.Status);
    }

    [Fact]
    public async Task Grains_counts_activations_per_type_and_silo()
    {
        // Two memory namespaces are two activations of the memory grain.
        foreach (var ns in new[] { "cluster-a", "cluster-b" })
        {
            await factory.Admin().SetMemoryAsync(ns, "k", "1");
        }

        var types = await factory.Admin().GetGrainTypesAsync();

        var memory = Assert.Single(types, t => t.GrainType == "memory");
        Assert.Equal(2, memory.Total);
        var silo = Assert.Single(memory.Silos);
        Assert.Equal(factory.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString(), silo.SiloAddress);
        Assert.Equal(2, silo.Activations);
    }
}
