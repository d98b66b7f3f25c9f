namespace TgeSwarm.Runtime.Membership;

/// <summary>Asks another silo whether it is alive (a direct probe over silo-to-silo messaging).</summary>
internal interface ISiloProber
{
    /// <summary>
    /// True when <paramref name="silo"/> answered within the probe timeout (which <paramref name="cancellationToken"/>
    /// enforces); false when it did not, refused, or the connection failed. Never throws for a failed probe.
    /// </summary>
    Task<bool> ProbeAsync(SiloAddress silo, int probeNumber, CancellationToken cancellationToken);
}
