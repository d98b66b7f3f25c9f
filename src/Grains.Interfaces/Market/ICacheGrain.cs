using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// The source of truth for reads of one instrument (key: instrument): the latest features per venue and the recent
/// closed bars, kept from <see cref="MarketStreamNames.Features"/>. The API reads it through a per-silo read cache.
/// </summary>
public interface ICacheGrain : IGrainWithStringKey
{
    /// <summary>The latest features of the instrument, one per venue, by venue name.</summary>
    [ReadOnly]
    Task<IReadOnlyList<FeatureSnapshot>> GetLatestAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> most recent closed bars of <paramref name="intervalSeconds"/> on <paramref name="venue"/>, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<Bar>> GetBarsAsync(string venue, int intervalSeconds, int count, CancellationToken cancellationToken);

    [ReadOnly]
    Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
