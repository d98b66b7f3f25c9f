namespace TgeSwarm.Runtime.Membership;

/// <summary>Suspicion votes and death declarations, after Orleans' rule (research/orleans.md §1.10, S19).</summary>
internal sealed partial class MembershipTableManager
{
    /// <summary>Lost compare-and-swap races tolerated in one vote; the next missed probe votes again.</summary>
    private const int MaxVoteAttempts = 8;

    /// <summary>
    /// Votes that <paramref name="target"/> is dead, or declares it dead when this vote completes the quorum:
    /// unexpired votes of others plus this one ≥ <see cref="LivenessRules.RequiredVotes"/> over the active, non-stale
    /// silos. A target that is itself stale (no IAmAlive for long) needs no quorum. Returns true when the target is
    /// dead afterwards. Never throws for an unreachable table: it logs, and the next missed probe tries again.
    /// </summary>
    public Task<bool> TryToSuspectOrKillAsync(SiloAddress target, int missedProbes, string lastProbeError, CancellationToken cancellationToken) =>
        TryToSuspectOrKillAsync(target, missedProbes, lastProbeError, coVoter: null, cancellationToken);

    /// <summary>
    /// As <see cref="TryToSuspectOrKillAsync(SiloAddress, int, string, CancellationToken)"/>, with a second voter in
    /// the same write: <paramref name="coVoter"/>, the intermediary of an indirect probe that could not reach the
    /// target either. Its vote counts only while its own row is Active when the vote is written (a silo that is out
    /// has no say); otherwise this silo votes alone.
    /// </summary>
    public async Task<bool> TryToSuspectOrKillAsync(SiloAddress target, int missedProbes, string lastProbeError, SiloAddress? coVoter, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxVoteAttempts; attempt++)
        {
            bool? outcome;
            try
            {
                outcome = await SuspectOrKillOnceAsync(target, missedProbes, lastProbeError, coVoter, cancellationToken);
            }
            catch (Exception exception) when (IsTableFailure(exception, cancellationToken))
            {
                ReportTableFailure("vote", exception);
                return false;
            }

            if (outcome is { } dead)
            {
                return dead;
            }
        }

        LogVoteContention(_logger, target, MaxVoteAttempts);
        return false;
    }

    /// <returns>True when the target is dead, false when a vote was written or no vote is due, null after a lost race.</returns>
    private async Task<bool?> SuspectOrKillOnceAsync(SiloAddress target, int missedProbes, string lastProbeError, SiloAddress? coVoter, CancellationToken cancellationToken)
    {
        var data = await _table.ReadAllAsync(cancellationToken);
        ReportTableHealthy();
        Process(data);
        if (IsDeclaredDead || data.Find(Self) is not { Entry.Status: SiloStatus.Active })
        {
            // Only a live, active member has a say; a silo that is itself out must not evict others.
            return false;
        }

        if (data.Find(target) is not { } row || row.Entry.Status == SiloStatus.Dead)
        {
            return true;
        }

        var now = _time.GetUtcNow();
        var entry = row.Entry;
        var secondVoter = coVoter;
        if (coVoter is not null && (coVoter.Equals(Self) || coVoter.Equals(target) || data.Find(coVoter) is not { Entry.Status: SiloStatus.Active }))
        {
            LogCoVoterIgnored(_logger, coVoter, target, data.Find(coVoter)?.Entry.Status ?? SiloStatus.None);
            secondVoter = null;
        }

        var votes = LivenessRules.FreshVotesOfOthers(entry, Self, now, _options);
        votes.Add(new SuspectVote(Self, now));
        if (secondVoter is not null)
        {
            // The intermediary's older vote is renewed by this one, never counted twice.
            votes.RemoveAll(v => v.Voter.Equals(secondVoter));
            votes.Add(new SuspectVote(secondVoter, now));
        }

        string? deathReason = null;
        if (LivenessRules.IsStale(entry, now, _options))
        {
            deathReason = DeathReasons.StaleAndUnresponsive(Self, missedProbes, lastProbeError, LivenessRules.LastSignOfLife(entry));
        }
        else if (votes.Count >= LivenessRules.RequiredVotes(LivenessRules.CountActiveNonStale(data, now, _options), _options))
        {
            deathReason = DeathReasons.VotedDead(votes.Select(static v => v.Voter), Self, missedProbes, lastProbeError);
        }

        var updated = deathReason is null
            ? entry with { SuspectTimes = votes }
            : entry with { SuspectTimes = votes, Status = SiloStatus.Dead, DeathReason = deathReason };
        if (!await _table.UpdateRowAsync(updated, row.Etag, data.Version.Next(), cancellationToken))
        {
            return null;
        }

        if (deathReason is null)
        {
            var voters = secondVoter is null ? Self.ToString() : string.Concat(Self.ToString(), " and ", secondVoter.ToString());
            LogSuspicionVote(_logger, target, voters, missedProbes, lastProbeError, votes.Count);
            _instruments.SuspicionVotes.Add(secondVoter is null ? 1 : 2);
        }
        else
        {
            LogDeathDeclared(_logger, target, deathReason);
            _instruments.DeathsDeclared.Add(1, new KeyValuePair<string, object?>("reason", "probes"));
        }

        await TryRefreshAsync(cancellationToken);
        return deathReason is not null;
    }
}
