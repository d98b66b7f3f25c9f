using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TgeSwarm.Grains.Caching;

/// <summary>
/// The read caches' metrics, on a meter from the host's <see cref="IMeterFactory"/> (so each silo of a test cluster
/// in one process has its own). Hit rate is hits over hits plus misses, left to the dashboard's query.
/// </summary>
internal sealed class ReadCacheInstruments
{
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _evictions;
    private readonly ConcurrentDictionary<string, (string Policy, Func<int> Count)> _caches = new(StringComparer.Ordinal);

    public ReadCacheInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ReadCacheDiagnostics.MeterName);
        _hits = meter.CreateCounter<long>("swarm.read_cache.hits", unit: "{read}", description: "Reads a read cache answered from its entries.");
        _misses = meter.CreateCounter<long>("swarm.read_cache.misses", unit: "{read}", description: "Reads a read cache could not answer (absent or expired), left to the grain.");
        _evictions = meter.CreateCounter<long>("swarm.read_cache.evictions", unit: "{entry}", description: "Entries a full read cache dropped for new ones, by its policy.");
        meter.CreateObservableGauge("swarm.read_cache.entries", ObserveEntries, unit: "{entry}", description: "Entries each read cache holds.");
    }

    /// <summary>Adds a cache to the entries gauge; a cache of the same name replaces the one before.</summary>
    public void Track(string name, string policy, Func<int> count) => _caches[name] = (policy, count);

    public void Hit(KeyValuePair<string, object?> cache, KeyValuePair<string, object?> policy) => _hits.Add(1, cache, policy);

    public void Miss(KeyValuePair<string, object?> cache, KeyValuePair<string, object?> policy) => _misses.Add(1, cache, policy);

    public void Evicted(long count, KeyValuePair<string, object?> cache, KeyValuePair<string, object?> policy) => _evictions.Add(count, cache, policy);

    private IEnumerable<Measurement<int>> ObserveEntries()
    {
        foreach (var (name, (policy, count)) in _caches)
        {
            yield return new Measurement<int>(
                count(),
                new KeyValuePair<string, object?>("cache", name),
                new KeyValuePair<string, object?>("policy", policy));
        }
    }
}
