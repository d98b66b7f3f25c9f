using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// Clusters whose probe loops are off, so probes happen only in the rounds a test runs and the exact sequence of votes
/// is known (<see cref="FailureDetectionTests"/>, <see cref="IndirectProbeTests"/>).
/// </summary>
internal static class ManualProbing
{
    /// <summary>A cluster with the probe loops off; <paramref name="indirect"/> switches indirect probes.</summary>
    public static MembershipTestCluster Cluster(bool indirect) => new(configure: o =>
    {
        o.LivenessEnabled = false;
        o.EnableIndirectProbes = indirect;
    });

    public static async Task<(MembershipTestSilo A, MembershipTestSilo B, MembershipTestSilo C)> StartThreeAsync(MembershipTestCluster cluster)
    {
        var silos = await cluster.StartSilosAsync(3);
        foreach (var silo in silos)
        {
            // Each silo sees the table as it is now, without waiting for the periodic refresh.
            await silo.TableManager.RefreshAsync(CancellationToken.None).Within($"refresh of {silo.Address}");
        }

        return (silos[0], silos[1], silos[2]);
    }

    public static async Task ProbeRoundsAsync(MembershipTestSilo silo, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            await silo.Monitor.ProbeOnceAsync(CancellationToken.None).Within($"probe round {i + 1} of {silo.Address}");
        }
    }
}
