using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Scrapers;

/// <summary>
/// One shard of a scraper group, keyed <c>group#n</c> (e.g. <c>tge#0</c>): it owns the TGE sources of its
/// <see cref="TgeScraperSettings"/>, claiming each one (<see cref="Sources.ISourceGrain.ClaimAsync"/>) so that the
/// source grains poll, and releasing those it no longer owns. The set is persisted; an activation re-claims the
/// sources it has lost (removed, or taken over by someone else) and leaves running ones alone. The queen's
/// <c>scraper</c> agent type drives these grains and spreads a group's sources over its shards.
/// </summary>
public interface IScraperGrain : IGrainWithStringKey
{
    /// <summary>
    /// Persists <paramref name="settings"/>, claims every source in it and releases the sources the scraper owned
    /// before but not now. Bad settings fail with <see cref="ArgumentException"/> naming the source and change nothing.
    /// A claim or release that fails fails the call; the set is already persisted, so a restart repairs it.
    /// </summary>
    Task StartAsync(TgeScraperSettings settings, CancellationToken cancellationToken);

    /// <summary>Releases every source the scraper owns and forgets its set. Idempotent.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Reads its sources' statuses in parallel (each read bounded by <paramref name="cancellationToken"/>) and sums them up.</summary>
    Task<TgeScraperStatus> GetStatusAsync(CancellationToken cancellationToken);
}
