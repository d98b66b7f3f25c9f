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
}
