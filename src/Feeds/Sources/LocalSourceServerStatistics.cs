namespace TgeSwarm.Feeds.Sources;

/// <summary>What the local source server has answered so far.</summary>
/// <param name="Requests">Every request, including 304s, faults and 404s.</param>
/// <param name="NotModified">304 answers to conditional GETs.</param>
/// <param name="Published">Items published after start (on demand or by schedule).</param>
/// <param name="Faults">Faulted answers per kind (a redirect loop counts each redirect).</param>
/// <param name="RequestsBySource">Requests per source id (paths that name no source are not counted here).</param>
public sealed record LocalSourceServerStatistics(
    long Requests,
    long NotModified,
    long Published,
    IReadOnlyDictionary<LocalSourceFaultKind, long> Faults,
    IReadOnlyDictionary<string, long> RequestsBySource)
{
    /// <summary>Faulted answers of <paramref name="kind"/>.</summary>
    public long FaultsOf(LocalSourceFaultKind kind) => Faults.TryGetValue(kind, out var count) ? count : 0;
}
