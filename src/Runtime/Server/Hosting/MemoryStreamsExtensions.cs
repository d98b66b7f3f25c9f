using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Streams;

namespace TgeSwarm.Runtime.Hosting;

public static class MemoryStreamsExtensions
{
    /// <summary>
    /// Adds a memory stream provider named <paramref name="name"/>: in-cluster, batched, bounded, at-most-once.
    /// Explicit subscriptions are kept in the grain storage named <c>PubSubStore</c>; if none is configured, an
    /// in-memory one is added, which suits one silo. A multi-silo cluster should add a shared <c>PubSubStore</c>
    /// (e.g. PostgreSQL), or explicit subscriptions are lost when their rendezvous grain moves.
    /// </summary>
    public static ISiloBuilder AddMemoryStreams(this ISiloBuilder builder, string name, Action<MemoryStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/'))
        {
            throw new ArgumentException($"A stream provider name may not contain '/': '{name}'.", nameof(name));
        }

        var options = builder.Services.AddOptions<MemoryStreamOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemoryStreamOptions>, MemoryStreamOptionsValidator>());
        builder.Services.TryAddKeyedSingleton<IGrainStorage, MemoryGrainStorage>(PubSubRendezvousGrain.StorageName);
        builder.Services.AddSingleton<IStreamProviderRuntime>(sp => new MemoryStreamProvider(
            name, sp.GetRequiredService<IOptionsMonitor<MemoryStreamOptions>>().Get(name), sp.GetRequiredService<StreamRuntimeServices>()));
        return builder;
    }
}
