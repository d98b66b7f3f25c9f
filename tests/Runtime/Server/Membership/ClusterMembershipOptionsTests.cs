using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Tests.Membership;

public sealed class ClusterMembershipOptionsTests
{
    [Fact]
    public void Defaults_are_Orleans_defaults_and_valid()
    {
        var options = new ClusterMembershipOptions();
        Assert.Equal(3, options.NumMissedProbesLimit);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ProbeTimeout);
        Assert.Equal(10, options.NumProbedSilos);
        Assert.Equal(2, options.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromMinutes(2), options.DeathVoteExpirationTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.IAmAlivePublishTimeout);
        Assert.Equal(3, options.NumMissedTableIAmAliveLimit);
        Assert.Equal(TimeSpan.FromSeconds(60), options.TableRefreshTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxJoinAttemptTime);
        Assert.Equal(TimeSpan.FromDays(7), options.DefunctSiloExpiration);
        Assert.Equal(TimeSpan.FromHours(1), options.DefunctSiloCleanupPeriod);
        Assert.True(options.LivenessEnabled);
        Assert.True(options.EnableIndirectProbes);
        Assert.True(new ClusterMembershipOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Test_defaults_are_fast_and_valid()
    {
        var options = new ClusterMembershipOptions();
        ClusterMembershipOptions.ApplyTestDefaults(options);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.ProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.IAmAlivePublishTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.TableRefreshTimeout);
        Assert.True(options.EnableIndirectProbes);
        Assert.True(new ClusterMembershipOptionsValidator().Validate(null, options).Succeeded);
    }

    public static TheoryData<string, Action<ClusterMembershipOptions>> Nonsense => new()
    {
        { "NumVotesForDeathDeclaration", o => o.NumVotesForDeathDeclaration = 0 },
        { "NumMissedProbesLimit", o => o.NumMissedProbesLimit = -1 },
        { "NumProbedSilos", o => o.NumProbedSilos = 0 },
        { "NumMissedTableIAmAliveLimit", o => o.NumMissedTableIAmAliveLimit = 0 },
        { "ProbeTimeout", o => o.ProbeTimeout = TimeSpan.Zero },
        { "IAmAlivePublishTimeout", o => o.IAmAlivePublishTimeout = TimeSpan.FromSeconds(-1) },
        { "TableRefreshTimeout", o => o.TableRefreshTimeout = TimeSpan.Zero },
        { "MaxJoinAttemptTime", o => o.MaxJoinAttemptTime = TimeSpan.Zero },
        { "DefunctSiloExpiration", o => o.DefunctSiloExpiration = TimeSpan.Zero },
        { "DefunctSiloCleanupPeriod", o => o.DefunctSiloCleanupPeriod = TimeSpan.Zero },
        { "DeathVoteExpirationTimeout", o => o.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(15) },
    };

    [Theory]
    [MemberData(nameof(Nonsense))]
    public void The_validator_rejects_nonsense_naming_the_setting(string setting, Action<ClusterMembershipOptions> breakIt)
    {
        var options = new ClusterMembershipOptions();
        breakIt(options);
        var result = new ClusterMembershipOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains($"ClusterMembershipOptions.{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void With_indirect_probes_votes_must_outlive_one_more_probe_timeout()
    {
        // 20 s outlives 3 direct probe periods of 5 s, but not the 4 that an indirect (two-timeout) last probe can take.
        var options = new ClusterMembershipOptions { DeathVoteExpirationTimeout = TimeSpan.FromSeconds(20) };
        var result = new ClusterMembershipOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("ClusterMembershipOptions.DeathVoteExpirationTimeout (00:00:20) must exceed ProbeTimeout × (NumMissedProbesLimit + 1, with EnableIndirectProbes) (00:00:20)", result.FailureMessage, StringComparison.Ordinal);

        options.EnableIndirectProbes = false;
        Assert.True(new ClusterMembershipOptionsValidator().Validate(null, options).Succeeded);
    }
}
