using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>The API's silo with memory namespaces that fail the way a cluster can (see <see cref="FailingNamespacesFilter"/>).</summary>
public sealed class FaultySiloFactory : ApiSiloFactory
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IIncomingGrainCallFilter, FailingNamespacesFilter>());
}
