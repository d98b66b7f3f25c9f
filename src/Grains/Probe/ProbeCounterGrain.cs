using TgeSwarm.Grains.Interfaces.Probe;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Probe;

/// <summary>
/// Counts in its persistent state and answers only once the write succeeded: an acknowledged value is a persisted
/// one. A failed write rolls the in-memory value back, so a later increment does not skip over a number no caller
/// was ever given; if the write did reach the store before failing, the next write's ETag check refuses it and the
/// activation reloads.
/// </summary>
public sealed class ProbeCounterGrain(
    [PersistentState("counter", PersistentStateAttribute.DefaultStorageName)] IPersistentState<ProbeCounterState> counter)
    : Grain, IProbeCounterGrain
{
    public async Task<ProbeCounterStatus> IncrementAsync(CancellationToken cancellationToken)
    {
        var previous = counter.State.Value;
        counter.State.Value = previous + 1;
        try
        {
            await counter.WriteStateAsync(cancellationToken);
        }
        catch
        {
            counter.State.Value = previous;
            throw;
        }

        return new ProbeCounterStatus(counter.State.Value, RuntimeIdentity);
    }

    public Task<ProbeCounterStatus> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ProbeCounterStatus(counter.State.Value, RuntimeIdentity));
}
