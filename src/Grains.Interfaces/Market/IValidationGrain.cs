using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// Validation of one venue's events (key: venue name), an implicit consumer of <see cref="MarketStreamNames.Raw"/>:
/// passes good events on <see cref="MarketStreamNames.Valid"/> and rejects to <see cref="MarketStreamNames.Rejected"/> with a reason.
/// </summary>
public interface IValidationGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
