using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// The pure rules of failure detection, kept apart from the I/O so each can be read (and tested) on its own:
/// when a row is stale, which votes still count, and how many make a silo dead.
/// </summary>
internal static class LivenessRules
{
    /// <summary>
    /// Whether <paramref name="entry"/> has not written IAmAlive for <c>IAmAlivePublishTimeout × NumMissedTableIAmAliveLimit</c>.
    /// A row that has just been inserted counts from its start time.
    /// </summary>
    public static bool IsStale(MembershipEntry entry, DateTimeOffset now, ClusterMembershipOptions options) =>
        now - LastSignOfLife(entry) > options.IAmAlivePublishTimeout * options.NumMissedTableIAmAliveLimit;

    public static DateTimeOffset LastSignOfLife(MembershipEntry entry) =>
        entry.IAmAliveTime > entry.StartTime ? entry.IAmAliveTime : entry.StartTime;

    /// <summary>Active rows that are not stale: the electorate a vote quorum is measured against.</summary>
    public static int CountActiveNonStale(MembershipTableData table, DateTimeOffset now, ClusterMembershipOptions options)
    {
        var count = 0;
        foreach (var row in table.Members)
        {
            if (row.Entry.Status == SiloStatus.Active && !IsStale(row.Entry, now, options))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Votes needed to declare a silo dead: <c>min(NumVotesForDeathDeclaration, ⌈activeNonStale / 2⌉)</c>, at least
    /// one. The cap lets a two-silo cluster evict its dead half with the survivor's single vote.
    /// </summary>
    public static int RequiredVotes(int activeNonStale, ClusterMembershipOptions options) =>
        Math.Max(1, Math.Min(options.NumVotesForDeathDeclaration, (activeNonStale + 1) / 2));

    /// <summary>
    /// The votes on <paramref name="entry"/> younger than <c>DeathVoteExpirationTimeout</c>, without
    /// <paramref name="voter"/>'s own (which the caller renews), oldest first.
    /// </summary>
    public static List<SuspectVote> FreshVotesOfOthers(MembershipEntry entry, SiloAddress voter, DateTimeOffset now, ClusterMembershipOptions options)
    {
        List<SuspectVote> fresh = [];
        foreach (var vote in entry.SuspectTimes)
        {
            if (!vote.Voter.Equals(voter) && now - vote.Time < options.DeathVoteExpirationTimeout)
            {
                fresh.Add(vote);
            }
        }

        fresh.Sort(static (a, b) => a.Time.CompareTo(b.Time));
        return fresh;
    }
}
