using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.SystemTargets;

/// <summary>One silo's control surface: liveness probes and the local figures the management API merges.</summary>
[Alias("sys.control")]
internal interface ISiloControl : IGrainWithStringKey
{
    /// <summary>Answers a membership probe with this silo's status.</summary>
    Task<SiloStatus> Ping(int probeNumber, CancellationToken cancellationToken);

    Task<List<SimpleGrainStatistic>> GetSimpleGrainStatistics();

    Task<List<ActivationInfo>> GetActivations(string grainType, int limit);

    Task<int> GetActivationCount();

    /// <summary>
    /// Probes <paramref name="target"/> from this silo for a silo that cannot reach it (an indirect probe), bounded by
    /// this silo's probe timeout. Refused when this silo is not Active itself.
    /// </summary>
    Task<IndirectProbeResult> ProbeIndirectly(SiloAddress target, int probeNumber, CancellationToken cancellationToken);
}
