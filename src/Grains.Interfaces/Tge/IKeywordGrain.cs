using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// Keyword precision (a stateless worker, key 0): runs the TGE classifier on items and hands every positive to the
/// event grain of its token on <see cref="TgeStreamNames.Candidates"/>. The intake grain of each source
/// (<see cref="IKeywordIntakeGrain"/>) feeds it; any caller may classify an item without publishing it.
/// </summary>
public interface IKeywordGrain : IGrainWithIntegerKey
{
    /// <summary>The classifier's verdict on one item; publishes nothing.</summary>
    Task<TgeClassification> ClassifyAsync(TgeItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Classifies <paramref name="items"/> and publishes one <see cref="TgeCandidate"/> per token of every positive,
    /// in item order; returns how many candidates were published.
    /// </summary>
    Task<int> ProcessAsync(IReadOnlyList<TgeItem> items, CancellationToken cancellationToken);
}
