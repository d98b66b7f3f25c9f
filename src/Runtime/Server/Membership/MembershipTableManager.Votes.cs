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
    public async Task<bool> TryToSuspectOrKillAsync(SiloAddress target, int missedProbes, string lastProbeError, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxVoteAttempts; attempt++)
        {
            bool? outcome;
            try
            {
                outcome = await SuspectOrKillOnceAsync(target, missedProbes, lastProbeError, cancellationToken);
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
    private async Task<bool?> SuspectOrKillOnceAsync(SiloAddress target, int missedProbes, string lastProbeError, CancellationToken cancellationToken)
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
        var votes = LivenessRules.FreshVotesOfOthers(entry, Self, now, _options);
        votes.Add(new SuspectVote(Self, now));
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
            LogSuspicionVote(_logger, target, Self, missedProbes, lastProbeError, votes.Count);
            _instruments.SuspicionVotes.Add(1);
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
