using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// The implicit consumer of <see cref="TgeStreamNames.Events"/> (key <see cref="TgeStreamNames.EventsKey"/>): hands
/// every notice to the silo's webhook dispatcher without waiting for delivery, and keeps the latest notices for
/// views that poll.
/// </summary>
public interface ITgeAlertGrain : IGrainWithStringKey
{
    /// <summary>Up to <paramref name="max"/> of the latest notices this activation received, oldest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<TgeEventNotice>> GetRecentAsync(int max, CancellationToken cancellationToken);
}
