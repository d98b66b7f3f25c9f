using TgeSwarm.Grains.Caching;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Api.Market;

/// <summary>
/// Market reads for the API: the silo's read caches first, the instrument's <see cref="ICacheGrain"/> on a miss. Two
/// caches, so each can be sized apart: latest features per instrument, and bar series per (instrument, venue,
/// interval, count). Policy, capacity and TTL come from <c>Api:ReadCache</c> (CACHING.md). A read is at most one TTL
/// stale; concurrent misses of one key may each call the grain (the grain is read-only and cheap, a lock per key is not).
/// </summary>
internal sealed class MarketReads(IReadCacheFactory caches, IGrainFactory grains)
{
    public const string FeaturesCache = "api-features";
    public const string BarsCache = "api-bars";

    private readonly IReadCache<string, IReadOnlyList<FeatureSnapshot>> _features =
        caches.GetOrCreate<string, IReadOnlyList<FeatureSnapshot>>(FeaturesCache);

    private readonly IReadCache<(string Instrument, string Venue, int Interval, int Count), IReadOnlyList<Bar>> _bars =
        caches.GetOrCreate<(string Instrument, string Venue, int Interval, int Count), IReadOnlyList<Bar>>(BarsCache);

    public async Task<(IReadOnlyList<FeatureSnapshot> Features, bool Hit)> GetFeaturesAsync(string instrument, CancellationToken cancellationToken)
    {
        if (_features.TryGet(instrument, out var cached))
        {
            return (cached, true);
        }

        var features = await grains.GetGrain<ICacheGrain>(instrument).GetLatestAsync(cancellationToken);
        _features.Set(instrument, features);
        return (features, false);
    }

    public async Task<(IReadOnlyList<Bar> Bars, bool Hit)> GetBarsAsync(string instrument, string venue, int interval, int count, CancellationToken cancellationToken)
    {
        var key = (instrument, venue, interval, count);
        if (_bars.TryGet(key, out var cached))
        {
            return (cached, true);
        }

        var bars = await grains.GetGrain<ICacheGrain>(instrument).GetBarsAsync(venue, interval, count, cancellationToken);
        _bars.Set(key, bars);
        return (bars, false);
    }

    public ReadCacheInfo[] Statistics() => [Info(_features.Name, _features.Policy, _features.Statistics), Info(_bars.Name, _bars.Policy, _bars.Statistics)];

    private static ReadCacheInfo Info(string name, ReadCachePolicy policy, ReadCacheStatistics s) =>
        new(name, policy, s.Capacity, s.Count, s.Hits, s.Misses, s.HitRate, s.Evictions, s.Expirations);
}
