using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TgeSwarm.Runtime.Client;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Hosting;

public static class ClientClusteringExtensions
{
    /// <summary>
    /// Connects the client to these gateways (silo endpoints) only, whatever the membership table says. Calls to a
    /// grain stay on one of them while it is connected.
    /// </summary>
    public static IClientBuilder UseStaticClustering(this IClientBuilder builder, params IPEndPoint[] gateways)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gateways);
        if (gateways.Length == 0 || gateways.Any(static g => g is null))
        {
            throw new ArgumentException("UseStaticClustering needs at least one gateway endpoint, and no null ones.", nameof(gateways));
        }

        builder.Services.Replace(ServiceDescriptor.Singleton<IGatewayListProvider>(new StaticGatewayListProvider([.. gateways])));
        return builder;
    }

    /// <summary>One silo on this machine at 127.0.0.1:<paramref name="gatewayPort"/>: the embedded default.</summary>
    public static IClientBuilder UseLocalhostClustering(this IClientBuilder builder, int gatewayPort = 11111)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gatewayPort);
        return builder.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
    }
}
