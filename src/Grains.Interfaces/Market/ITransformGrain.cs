using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// Transformation of one venue's valid events (key: venue name), an implicit consumer of
/// <see cref="MarketStreamNames.Valid"/>: one naming, one model, duplicates removed by trade id, then one
/// <see cref="MarketStreamNames.Normalized"/> stream per instrument.
/// </summary>
public interface ITransformGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
