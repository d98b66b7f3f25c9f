using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Client;

internal sealed class ClientBuilder(IServiceCollection services, IConfiguration configuration) : IClientBuilder
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
