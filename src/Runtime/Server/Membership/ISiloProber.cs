namespace TgeSwarm.Runtime.Membership;

/// <summary>Asks another silo whether it is alive (a direct probe over silo-to-silo messaging), or asks a third silo to.</summary>
internal interface ISiloProber
{
    /// <summary>
    /// True when <paramref name="silo"/> answered within the probe timeout (which <paramref name="cancellationToken"/>
    /// enforces); false when it did not, refused, or the connection failed. Never throws for a failed probe.
    /// </summary>
    Task<bool> ProbeAsync(SiloAddress silo, int probeNumber, CancellationToken cancellationToken);

    /// <summary>
    /// Asks <paramref name="intermediary"/> to probe <paramref name="target"/> on this silo's behalf (it applies its
    /// own probe timeout; <paramref name="cancellationToken"/> bounds the whole request). Null when the intermediary
    /// did not answer; never throws for a failed request.
    /// </summary>
    Task<IndirectProbeResult?> ProbeIndirectlyAsync(SiloAddress intermediary, SiloAddress target, int probeNumber, CancellationToken cancellationToken);
}
