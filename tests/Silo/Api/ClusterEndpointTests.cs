using System.Net;
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
        using var http = factory.CreateClient();
        foreach (var key in new[] { "cluster-a", "cluster-b" })
        {
            using var response = await http.PostAsync(new Uri($"/probe/{key}/increment", UriKind.Relative), content: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var types = await factory.Admin().GetGrainTypesAsync();

        var probe = Assert.Single(types, t => t.GrainType == "probecounter");
        Assert.Equal(2, probe.Total);
        var silo = Assert.Single(probe.Silos);
        Assert.Equal(factory.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString(), silo.SiloAddress);
        Assert.Equal(2, silo.Activations);
    }
}
