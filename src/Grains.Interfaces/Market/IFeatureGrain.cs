using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// The features of one instrument on one venue, keyed <c>venue:instrument</c> (<see cref="MarketStreamNames.InstrumentKey"/>):
/// an implicit consumer of <see cref="MarketStreamNames.Normalized"/> that publishes <see cref="FeatureUpdate"/>s on
/// <see cref="MarketStreamNames.Features"/>.
/// </summary>
public interface IFeatureGrain : IGrainWithStringKey
{
    /// <summary>The latest features; null before the first event.</summary>
    [ReadOnly]
    Task<FeatureSnapshot?> GetSnapshotAsync(CancellationToken cancellationToken);

    [ReadOnly]
    Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
