using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>
/// The one gate to a host (keyed by host name, e.g. <c>www.binance.com</c>, lower case), shared by every source on
/// it: makes the sources' fetches under one rate limit, one concurrency cap, one circuit breaker and one retry policy
/// (exponential backoff with jitter, honouring Retry-After), and keeps the host's health. Reentrant: fetches of
/// different sources run side by side up to the cap.
/// </summary>
public interface IHostGuardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes one conditional GET (with retries) and returns the outcome; never throws for anything the host does. A
    /// URL on another host fails with <see cref="ArgumentException"/>.
    /// </summary>
    Task<TgeFetchResponse> FetchAsync(TgeFetchRequest fetch, CancellationToken cancellationToken);

    /// <summary>Sets the concurrency cap, clamped into [1, the policy's MaxConcurrency]; null restores the maximum. Returns the cap in force.</summary>
    Task<int> TuneAsync(int? maxConcurrency, CancellationToken cancellationToken);

    Task<TgeHostGuardStatus> GetStatusAsync(CancellationToken cancellationToken);
}
