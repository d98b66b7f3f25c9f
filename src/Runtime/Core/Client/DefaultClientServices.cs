using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Networking;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// The external client's composition root, registered with <c>TryAdd</c> so an application or a test can replace a
/// service (a fake <see cref="TimeProvider"/>, another gateway list provider).
/// </summary>
internal static class DefaultClientServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);

        services.AddValidatedOptions<ClusterOptions>();
        services.AddValidatedOptions<ClientMessagingOptions>();
        services.AddValidatedOptions<ConnectionOptions>();
        services.AddValidatedOptions<GatewayOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientMessagingOptions>, ClientMessagingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectionOptions>, ConnectionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());

        services.TryAddSingleton(static _ => GeneratedCodeLoader.Load(typeof(ClientRuntime).Assembly, []));
        services.TryAddSingleton(static sp => sp.GetRequiredService<ClientRuntime>().Codecs);
        services.TryAddSingleton<SwarmSerializer>();
        services.TryAddSingleton<NetworkingInstruments>();
        services.TryAddSingleton<ClientInstruments>();
        services.TryAddSingleton<IMessageWriter, PayloadWriter>();
        services.TryAddSingleton<ConnectionServices>();
        services.TryAddSingleton(CreateGatewayListProvider);
        services.TryAddSingleton<ClientRuntime>();
        services.TryAddSingleton(static sp => new ClusterClient(sp.GetRequiredService<ClientRuntime>().GrainFactory, sp));
        services.TryAddSingleton<IClusterClient>(static sp => sp.GetRequiredService<ClusterClient>());
        services.TryAddSingleton<IGrainFactory>(static sp => sp.GetRequiredService<ClusterClient>());
        services.AddHostedService<ClusterClientHost>();
    }

    /// <summary>Without a static list, the membership table (e.g. <c>UsePostgresClustering</c>) names the gateways.</summary>
    private static IGatewayListProvider CreateGatewayListProvider(IServiceProvider services) =>
        services.GetService<IMembershipTable>() is { } table
            ? new MembershipGatewayListProvider(table)
            : throw new InvalidOperationException(
                "The cluster client has no way to find gateways: call UseStaticClustering(…), UseLocalhostClustering() or "
                + "UsePostgresClustering(…) on the client builder in UseSwarmClient.");
}
