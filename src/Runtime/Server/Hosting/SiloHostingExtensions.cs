using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TgeSwarm.Runtime.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>Makes this host a silo: grains in this process, started and stopped with the host.</summary>
    public static IHostApplicationBuilder UseSwarmSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddSilo(builder.Services, builder.Configuration, configure);
        return builder;
    }

    /// <summary>Makes this host a silo: grains in this process, started and stopped with the host.</summary>
    public static IHostBuilder UseSwarmSilo(this IHostBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices((context, services) => AddSilo(services, context.Configuration, configure));
    }

    /// <summary>
    /// One silo on 127.0.0.1 with in-process membership: the embedded default and single-silo tests.
    /// </summary>
    public static ISiloBuilder UseLocalhostClustering(this ISiloBuilder builder, int siloPort = 11111)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Configure<Configuration.SiloOptions>(o =>
        {
            o.AdvertisedAddress = "127.0.0.1";
            o.SiloPort = siloPort;
        });
    }

    private static void AddSilo(IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder>? configure)
    {
        if (services.Any(static d => d.ServiceType == typeof(SiloMarker)))
        {
            throw new InvalidOperationException("UseSwarmSilo was called twice on one host; a host holds one silo.");
        }

        if (services.Any(static d => d.ServiceType == typeof(Client.ClientRuntime)))
        {
            throw new InvalidOperationException(
                "UseSwarmSilo was called on a host that is already an external client (UseSwarmClient). A silo has its own cluster client: "
                + "remove UseSwarmClient and resolve IClusterClient or IGrainFactory from the silo's services.");
        }

        services.AddSingleton<SiloMarker>();
        var silo = new SiloBuilder(services, configuration);
        DefaultSiloServices.Add(silo);
        configure?.Invoke(silo);
    }

    private sealed class SiloMarker;
}
