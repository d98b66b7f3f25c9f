using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Caching;

/// <summary>Creates each named cache once, with the policy its options select, and hands out the same instance after.</summary>
internal sealed class ReadCacheFactory(IOptionsMonitor<ReadCacheOptions> options, TimeProvider time, ReadCacheInstruments instruments) : IReadCacheFactory
{
    private readonly ConcurrentDictionary<string, object> _caches = new(StringComparer.Ordinal);

    public IReadCache<TKey, TValue> GetOrCreate<TKey, TValue>(string name)
        where TKey : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        // Lazy: two first callers racing on one name must not both create (and both register metrics).
        var cache = _caches.GetOrAdd(
            name,
            static (key, state) => new Lazy<IReadCache<TKey, TValue>>(() => Create<TKey, TValue>(key, state.options.Get(key), state.time, state.instruments)),
            (options, time, instruments));
        return cache is Lazy<IReadCache<TKey, TValue>> typed
            ? typed.Value
            : throw new InvalidOperationException($"The read cache '{name}' already exists with other key or value types than {typeof(TKey).Name} → {typeof(TValue).Name}.");
    }

    /// <summary>A cache of the policy <paramref name="settings"/> selects.</summary>
    public static IReadCache<TKey, TValue> Create<TKey, TValue>(string name, ReadCacheOptions settings, TimeProvider time, ReadCacheInstruments? instruments)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Policy switch
        {
            ReadCachePolicy.Lru => new LruReadCache<TKey, TValue>(name, settings.Capacity, settings.DefaultTtl, time, instruments),
            ReadCachePolicy.Lfu => new LfuReadCache<TKey, TValue>(name, settings.Capacity, settings.DefaultTtl, time, instruments),
            ReadCachePolicy.Arc => new ArcReadCache<TKey, TValue>(name, settings.Capacity, settings.DefaultTtl, time, instruments),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Policy, "Unknown read cache policy."),
        };
    }
}
