using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>Configures a silo: its services and options. Providers add themselves through extension methods.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }

    IConfiguration Configuration { get; }
}
