using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TgeSwarm.Runtime.Client;

namespace TgeSwarm.Runtime.Hosting;

public static class ClientHostingExtensions
{
    /// <summary>
    /// Makes this host an external cluster client: an <see cref="IClusterClient"/> (and <see cref="IGrainFactory"/>)
    /// whose calls reach the cluster through gateways, connected when the host starts and closed when it stops.
    /// Host start fails when no gateway can be reached within <c>GatewayOptions.InitialConnectionAttempts</c>.
    /// </summary>
    public static IHostApplicationBuilder UseSwarmClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddClient(builder.Services, builder.Configuration, configure);
        return builder;
    }

    /// <inheritdoc cref="UseSwarmClient(IHostApplicationBuilder, Action{IClientBuilder}?)"/>
    public static IHostBuilder UseSwarmClient(this IHostBuilder builder, Action<IClientBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices((context, services) => AddClient(services, context.Configuration, configure));
    }

    private static void AddClient(IServiceCollection services, IConfiguration configuration, Action<IClientBuilder>? configure)
    {
        if (services.Any(static d => d.ServiceType == typeof(ClientMarker)))
        {
            throw new InvalidOperationException("UseSwarmClient was called twice on one host; a host holds one cluster client.");
        }

        if (services.Any(static d => d.ServiceType == typeof(ILocalSiloDetails)))
        {
            throw new InvalidOperationException(
                "UseSwarmClient was called on a host that is already a silo (UseSwarmSilo). A silo has its own cluster client: "
                + "resolve IClusterClient or IGrainFactory from its services instead.");
        }

        services.AddSingleton<ClientMarker>();
        var client = new ClientBuilder(services, configuration);
        DefaultClientServices.Add(services);
        configure?.Invoke(client);
    }

    private sealed class ClientMarker;
}
