using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Networking;
using TgeSwarm.Runtime.SystemTargets;
using TgeSwarm.Runtime.Lifecycle;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// The silo's composition root: every service the runtime needs, registered with <c>TryAdd</c> so an
/// application (or a test) can replace any of them — a fake <see cref="TimeProvider"/> above all.
/// </summary>
internal static class DefaultSiloServices
{
    public static void Add(ISiloBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Scheduling.CallClock>();

        services.AddValidatedOptions<ClusterOptions>();
        services.AddValidatedOptions<SiloOptions>();
        services.AddValidatedOptions<SiloMessagingOptions>();
        services.AddValidatedOptions<GrainCollectionOptions>();
        services.AddValidatedOptions<ConnectionOptions>();
        services.AddValidatedOptions<ClusterMembershipOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectionOptions>, ConnectionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterMembershipOptions>, ClusterMembershipOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloMessagingOptions>, SiloMessagingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainCollectionOptions>, GrainCollectionOptionsValidator>());

        services.TryAddSingleton(static sp => BuildRegistry(sp.GetServices<GrainAssembly>()));
        services.TryAddSingleton(static sp => new CodecProvider(sp.GetRequiredService<SwarmCodeRegistry>(), new DeferredReferenceRuntime(sp)));
        services.TryAddSingleton<SwarmSerializer>();
        services.TryAddSingleton<LocalSiloDetails>();
        services.TryAddSingleton<ILocalSiloDetails>(static sp => sp.GetRequiredService<LocalSiloDetails>());
        services.TryAddSingleton<SiloInstruments>();
        services.TryAddSingleton<GrainClassMap>();
        services.TryAddSingleton<ActivationServices>();
        services.TryAddSingleton<Catalog.Catalog>();
        services.TryAddSingleton<ActivationCollector>();
        services.TryAddSingleton<ResponseTimeoutMonitor>();
        AddClusterServices(services);
        services.TryAddSingleton<SiloRuntimeClient>();
        Streams.StreamingServices.AddCore(services);
        // The hosted client: the same client type as the external one, over the silo's own grain factory.
        services.TryAddSingleton(static sp => new Client.ClusterClient(sp.GetRequiredService<SiloRuntimeClient>().GrainFactory, sp));
        services.TryAddSingleton<IClusterClient>(static sp => sp.GetRequiredService<Client.ClusterClient>());
        services.TryAddSingleton<IGrainFactory>(static sp => sp.GetRequiredService<Client.ClusterClient>());
        ReminderServices.Add(services);

        services.AddSingleton<ISiloLifecycleParticipant, RuntimeLifecycle>();
        services.AddSingleton<ISiloLifecycleParticipant, ClusterLifecycle>();
        services.AddSingleton<ISiloLifecycleParticipant, ActivationsLifecycle>();
        services.AddSingleton<ISiloLifecycleParticipant, ClusterActiveLifecycle>();
        services.AddHostedService<SiloHost>();
    }

    /// <summary>Messaging between silos, the directory, and membership (in memory unless a provider replaces the table).</summary>
    private static void AddClusterServices(IServiceCollection services)
    {
        services.TryAddSingleton<NetworkingInstruments>();
        services.TryAddSingleton<MessageSerializer>();
        services.TryAddSingleton<OutstandingCalls>();
        services.TryAddSingleton<MessageCenter>();
        services.TryAddSingleton<IMessageHandler>(static sp => sp.GetRequiredService<MessageCenter>());
        services.TryAddSingleton<IMessageWriter>(static sp => sp.GetRequiredService<MessageCenter>());
        services.TryAddSingleton<ConnectionServices>();
        services.TryAddSingleton<ConnectionListener>();
        services.TryAddSingleton(static sp => new ConnectionManager(
            sp.GetRequiredService<ConnectionServices>(),
            PeerIdentity.ForSilo(sp.GetRequiredService<LocalSiloDetails>().SiloAddress),
            sp.GetRequiredService<IMessageHandler>()));
        services.TryAddSingleton<RemoteSender>();
        services.TryAddSingleton<GrainLocationCache>();
        services.TryAddSingleton<GrainDirectory>();
        services.TryAddSingleton<MessageRouter>();
        services.TryAddSingleton<ClusterViewHandler>();
        services.TryAddSingleton<SiloKiller>();

        services.TryAddSingleton<InMemoryMembershipTable>();
        services.TryAddSingleton<IMembershipTable>(static sp => sp.GetRequiredService<InMemoryMembershipTable>());
        services.TryAddSingleton<IMembershipTableChangeFeed>(static sp => sp.GetRequiredService<InMemoryMembershipTable>());
        services.TryAddSingleton<MembershipInstruments>();
        services.TryAddSingleton<MembershipView>();
        services.TryAddSingleton<MembershipTableManager>();
        services.TryAddSingleton<IClusterMembershipService>(static sp => sp.GetRequiredService<MembershipTableManager>());
        services.TryAddSingleton<ClusterHealthMonitor>();
        services.TryAddSingleton<MembershipAgent>();
        services.TryAddSingleton<ISiloProber, SiloProber>();
        services.TryAddSingleton<ISiloTerminator, HostSiloTerminator>();
    }

    private static SwarmCodeRegistry BuildRegistry(IEnumerable<GrainAssembly> configured) =>
        Client.GeneratedCodeLoader.Load(typeof(DefaultSiloServices).Assembly, configured.Select(static g => g.Assembly));
}
