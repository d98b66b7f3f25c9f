using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Client;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Testing;

public static class TestClusterClientExtensions
{
    /// <summary>
    /// Starts an external client of <paramref name="cluster"/> in its own host: the cluster's ids, then
    /// <paramref name="configure"/> (which may change them), and the running silos as static gateways unless
    /// <paramref name="configure"/> chose gateways itself (a static list, or a membership table such as
    /// <c>UsePostgresClustering</c> or <see cref="UseTestClusterMembership"/>). Throws what the client's start throws
    /// (no gateway reachable, handshake refused).
    /// </summary>
    public static async Task<ExternalClusterClient> CreateClientAsync(
        this TestCluster cluster, Action<IClientBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var gateways = cluster.ActiveSilos.Select(static s => s.SiloAddress.Endpoint).ToArray();
        var host = new HostBuilder()
            .ConfigureLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(cluster.Options.LogLevel))
            .UseSwarmClient(client =>
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.Options.ClusterId;
                    o.ServiceId = cluster.Options.ServiceId;
                });
                configure?.Invoke(client);

                // Unless the configuration chose its gateways (a list, or a membership table), the running silos are.
                var chosen = client.Services.Any(static d => d.ServiceType == typeof(IMembershipTable)
                    || (d.ServiceType == typeof(IGatewayListProvider) && d.ImplementationInstance is not null));
                if (!chosen && gateways.Length > 0)
                {
                    client.UseStaticClustering(gateways);
                }
            })
            .Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await ((IAsyncDisposable)host).DisposeAsync();
            throw;
        }

        return new ExternalClusterClient(host);
    }

    /// <summary>Finds gateways in the cluster's own (in-memory) membership table instead of a static list.</summary>
    public static IClientBuilder UseTestClusterMembership(this IClientBuilder builder, TestCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(cluster);
        var table = cluster.MembershipTable;
        builder.Services.Replace(ServiceDescriptor.Singleton<IMembershipTable>(table));
        builder.Services.Replace(ServiceDescriptor.Singleton<IGatewayListProvider>(new MembershipGatewayListProvider(table)));
        return builder;
    }
}
