using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// Data quality for one token (key: token slug, see <see cref="TgeCandidate.TokenSlug"/>): the implicit consumer of
/// <see cref="TgeStreamNames.Candidates"/>. Sanitises and validates each candidate, drops repeats, merges every
/// source's sighting into one record, keeps it in grain state and the event store, and announces each change on
/// <see cref="TgeStreamNames.Events"/>. Rules: <c>src/Grains/Tge/Events/EVENTS.md</c>.
/// </summary>
public interface ITgeEventGrain : IGrainWithStringKey
{
    /// <summary>Merges one candidate, as if it had arrived on the stream; says what it did with it.</summary>
    Task<TgeMergeOutcome> MergeAsync(TgeCandidate candidate, CancellationToken cancellationToken);

    /// <summary>The token's record, or null when nothing was merged yet.</summary>
    [ReadOnly]
    Task<TgeEvent?> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Tells a grain keyed by a project-name slug that the project's token is known under <paramref name="symbolSlug"/>:
    /// later candidates without a symbol that reach this grain are merged there instead.
    /// </summary>
    [OneWay]
    Task LinkAsync(string symbolSlug, CancellationToken cancellationToken);
}
