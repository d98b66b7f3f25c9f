using System.Collections.Frozen;
using TgeSwarm.Runtime.Catalog;

namespace TgeSwarm.Runtime.Streams;

/// <summary>The silo's stream providers by name; two providers with one name stop start-up.</summary>
internal sealed class StreamProviderRegistry
{
    private readonly FrozenDictionary<string, IStreamProviderRuntime> _byName;
    private readonly StreamSubscriptionManager _subscriptions;
    private readonly StreamRuntimeServices _runtime;

    public StreamProviderRegistry(
        IEnumerable<IStreamProviderRuntime> providers,
        IEnumerable<IStreamQueueStorage> persistentQueues,
        StreamSubscriptionManager subscriptions,
        StreamRuntimeServices runtime)
    {
        _subscriptions = subscriptions;
        _runtime = runtime;
        var byName = new Dictionary<string, IStreamProviderRuntime>(StringComparer.Ordinal);
        foreach (var provider in providers.Concat(persistentQueues.Select(q => new Persistent.PersistentStreamProvider(q, runtime))))
        {
            if (!byName.TryAdd(provider.Name, provider))
            {
                throw new InvalidOperationException($"Two stream providers are named '{provider.Name}'. Give each AddMemoryStreams/AddPostgresStreams call its own name.");
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<IStreamProviderRuntime> Providers => _byName.Values;

    internal StreamRuntimeServices Runtime => _runtime;

    /// <summary>Provider <paramref name="name"/> as <paramref name="activation"/> (or, when null, the silo itself) uses it.</summary>
    public IStreamProvider GetProvider(string name, ActivationData? activation) => new ActivationStreamProvider(Get(name), _subscriptions, _runtime, activation);

    public IStreamProviderRuntime Get(string name) =>
        _byName.TryGetValue(name, out var provider)
            ? provider
            : throw new KeyNotFoundException(
                $"No stream provider named '{name}' is configured"
                + (_byName.Count == 0 ? "" : $" (configured: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))})")
                + $". Add it on the silo with AddMemoryStreams(\"{name}\") or AddPostgresStreams(\"{name}\", connectionString).");
}
