using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Tests.Probe;

/// <summary>
/// The embedded default silo with a filter that makes chosen keys fail the way a cluster can (see
/// <see cref="FailingKeysFilter"/>). Port 0, so it never competes with another silo for 11111.
/// </summary>
public sealed class ProbeSiloFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Swarm:SiloPort", "0");
        builder.UseSetting("Swarm:SiloName", "probe-test-silo");
        builder.ConfigureTestServices(services => services.AddSingleton<IIncomingGrainCallFilter, FailingKeysFilter>());
    }
}
