using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Probe;

/// <summary>
/// A persisted counter per key: the probe the deploy checks and the end-to-end test drive through HAProxy until the
/// queen's API exists. An increment is acknowledged only after its write reached the grain storage, so a value a
/// caller has seen is never lost when the silo that served it dies.
/// </summary>
public interface IProbeCounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, persists it, and returns the new value with the silo that served the call.</summary>
    Task<ProbeCounterStatus> IncrementAsync(CancellationToken cancellationToken);

    Task<ProbeCounterStatus> GetAsync(CancellationToken cancellationToken);
}
