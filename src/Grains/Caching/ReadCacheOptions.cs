namespace TgeSwarm.Grains.Caching;

/// <summary>
/// Settings of a read cache; named options per cache name (<c>services.Configure&lt;ReadCacheOptions&gt;("features", …)</c>),
/// the unnamed ones for every cache without its own. Validated when a cache is created.
/// </summary>
public sealed class ReadCacheOptions
{
    /// <summary>
    /// The most entries held. Default 10 000: a few keys per instrument (latest features, bars per interval) for the
    /// 500 instruments of the load target, with room to spare.
    /// </summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>Default <see cref="ReadCachePolicy.Lru"/>: the cheapest hit and right whenever the hot set fits.</summary>
    public ReadCachePolicy Policy { get; set; } = ReadCachePolicy.Lru;

    /// <summary>
    /// How long an entry is served without asking its grain again, unless <c>Set</c> says otherwise. Default 1 s: the
    /// features change every second, so a read is at most that stale. <c>null</c>: entries do not expire.
    /// </summary>
    public TimeSpan? DefaultTtl { get; set; } = TimeSpan.FromSeconds(1);
}
