using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Scrapers;

/// <summary>
/// A scraper's sources sorted by how they are doing; each list holds source ids in ordinal order, and every source of
/// the scraper is in exactly one of them.
/// </summary>
/// <param name="Owner">The owner name the scraper claims its sources with (<c>scraper/tge#0</c>), as the sources' status shows it.</param>
/// <param name="Silo">The silo the scraper is active on.</param>
/// <param name="Started">Whether it holds a set of sources (false: never started, or stopped).</param>
/// <param name="Polling">Owned, running, and fewer than <see cref="FailingAfter"/> failed polls in a row.</param>
/// <param name="Failing">Owned and running, but its last <see cref="FailingAfter"/> polls or more failed.</param>
/// <param name="Paused">Owned, but paused by an operator.</param>
/// <param name="Lost">Not owned by this scraper any more (removed, started directly, claimed by another) or unreachable.</param>
/// <param name="Releasing">Sources the scraper gave up whose release has not succeeded yet (retried by the next start, stop or activation); not counted in <see cref="Sources"/>.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeScraperStatus(
    [property: Id(0)] string Owner,
    [property: Id(1)] string Silo,
    [property: Id(2)] bool Started,
    [property: Id(3)] IReadOnlyList<string> Polling,
    [property: Id(4)] IReadOnlyList<string> Failing,
    [property: Id(5)] IReadOnlyList<string> Paused,
    [property: Id(6)] IReadOnlyList<string> Lost,
    [property: Id(7)] IReadOnlyList<string> Releasing)
{
    /// <summary>Consecutive failed polls from which a source counts as failing (its own backoff handles fewer).</summary>
    public const int FailingAfter = 3;

    /// <summary>How many sources the scraper holds.</summary>
    public int Sources => Polling.Count + Failing.Count + Paused.Count + Lost.Count;
}
