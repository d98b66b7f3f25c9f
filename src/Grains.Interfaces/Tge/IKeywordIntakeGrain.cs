using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// The implicit consumer of <see cref="TgeStreamNames.Raw"/> for one source (key: source id): hands each batch the
/// source published to an <see cref="IKeywordGrain"/> worker, one batch at a time, so a source's items are
/// classified and their candidates published in the order the source read them.
/// </summary>
public interface IKeywordIntakeGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<TgeIntakeStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
