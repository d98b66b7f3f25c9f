using System.Globalization;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// The documented reasons written into <see cref="MembershipEntry.DeathReason"/>, one per way a row becomes Dead,
/// so operators reading the table can tell a crash from a stop from a restart.
/// </summary>
internal static class DeathReasons
{
    /// <summary>The silo stopped through its lifecycle and wrote its own row.</summary>
    public const string StoppedGracefully = "stopped gracefully";

    /// <summary>Enough silos failed to reach it and voted (the voters, the misses and the last probe error are named).</summary>
    public static string VotedDead(IEnumerable<SiloAddress> voters, SiloAddress declarer, int missedProbes, string lastProbeError) =>
        string.Create(CultureInfo.InvariantCulture, $"declared dead by votes of {string.Join(", ", voters)}; {declarer} missed {missedProbes} consecutive probes, last: {lastProbeError}");

    /// <summary>It missed its probes and had also stopped writing IAmAlive, so no quorum is needed.</summary>
    public static string StaleAndUnresponsive(SiloAddress declarer, int missedProbes, string lastProbeError, DateTimeOffset lastIAmAlive) =>
        string.Create(CultureInfo.InvariantCulture, $"declared dead by {declarer}: {missedProbes} consecutive missed probes (last: {lastProbeError}) and no IAmAlive since {lastIAmAlive:O}");

    /// <summary>A silo joined while this row's IAmAlive was stale and it did not answer a probe: a row left behind by a previous cluster.</summary>
    public static string StaleAtJoin(SiloAddress joiner, DateTimeOffset lastIAmAlive) =>
        string.Create(CultureInfo.InvariantCulture, $"stale IAmAlive at join, cluster restart: declared dead by joining {joiner}, no IAmAlive since {lastIAmAlive:O} and no answer to a probe");

    /// <summary>A newer generation started on the same endpoint, so this life has ended.</summary>
    public static string SupersededByRestart(SiloAddress successor) =>
        string.Create(CultureInfo.InvariantCulture, $"superseded by a restart on the same endpoint: {successor}");
}
