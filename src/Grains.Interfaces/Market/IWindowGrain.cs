using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// Tumbling, sliding and session windows over one instrument's feature stream from every venue (key: instrument),
/// an implicit consumer of <see cref="MarketStreamNames.Features"/>.
/// </summary>
public interface IWindowGrain : IGrainWithStringKey
{
    /// <summary>The most recently closed windows, newest last, at most <paramref name="count"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WindowResult>> GetRecentAsync(int count, CancellationToken cancellationToken);

    [ReadOnly]
    Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
