using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Configuration;

internal sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        AtLeastOne(failures, nameof(options.NumMissedProbesLimit), options.NumMissedProbesLimit);
        AtLeastOne(failures, nameof(options.NumProbedSilos), options.NumProbedSilos);
        AtLeastOne(failures, nameof(options.NumVotesForDeathDeclaration), options.NumVotesForDeathDeclaration);
        AtLeastOne(failures, nameof(options.NumMissedTableIAmAliveLimit), options.NumMissedTableIAmAliveLimit);
        Positive(failures, nameof(options.ProbeTimeout), options.ProbeTimeout);
        Positive(failures, nameof(options.DeathVoteExpirationTimeout), options.DeathVoteExpirationTimeout);
        Positive(failures, nameof(options.IAmAlivePublishTimeout), options.IAmAlivePublishTimeout);
        Positive(failures, nameof(options.TableRefreshTimeout), options.TableRefreshTimeout);
        Positive(failures, nameof(options.MaxJoinAttemptTime), options.MaxJoinAttemptTime);
        Positive(failures, nameof(options.DefunctSiloExpiration), options.DefunctSiloExpiration);
        Positive(failures, nameof(options.DefunctSiloCleanupPeriod), options.DefunctSiloCleanupPeriod);

        // Votes must outlive the misses that lead to them, or a quorum can never gather. An indirect probe (the one
        // that votes) may take two probe timeouts, so it adds one more.
        var periodsToVote = options.NumMissedProbesLimit + (options.EnableIndirectProbes ? 1 : 0);
        if (options.ProbeTimeout > TimeSpan.Zero && options.NumMissedProbesLimit >= 1
            && options.DeathVoteExpirationTimeout <= options.ProbeTimeout * periodsToVote)
        {
            var factor = options.EnableIndirectProbes ? $"({nameof(options.NumMissedProbesLimit)} + 1, with {nameof(options.EnableIndirectProbes)})" : nameof(options.NumMissedProbesLimit);
            failures.Add($"{nameof(ClusterMembershipOptions)}.{nameof(options.DeathVoteExpirationTimeout)} ({options.DeathVoteExpirationTimeout}) must exceed {nameof(options.ProbeTimeout)} × {factor} ({options.ProbeTimeout * periodsToVote}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeastOne(List<string> failures, string property, int value)
    {
        if (value < 1)
        {
            failures.Add($"{nameof(ClusterMembershipOptions)}.{property} must be at least 1, not {value}.");
        }
    }

    private static void Positive(List<string> failures, string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ClusterMembershipOptions)}.{property} must be positive, not {value}.");
        }
    }
}
