using System.Diagnostics.Metrics;
using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Runtime.Membership;

/// <summary>Membership metrics on the runtime's meter, per silo (the meter comes from the host's <see cref="IMeterFactory"/>).</summary>
internal sealed class MembershipInstruments
{
    public MembershipInstruments(IMeterFactory meterFactory, MembershipView view)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(view);
        var meter = meterFactory.Create(SwarmDiagnostics.MeterName);
        meter.CreateObservableGauge("swarm.membership.active_silos", () => view.Current.ActiveSilos.Length, description: "Active silos in this silo's view of the cluster.");
        ProbesSent = meter.CreateCounter<long>("swarm.membership.probes.sent", description: "Probes sent to other silos.");
        ProbesFailed = meter.CreateCounter<long>("swarm.membership.probes.failed", description: "Probes that got no answer in time, were refused or failed.");
        IndirectProbes = meter.CreateCounter<long>("swarm.membership.probes.indirect", description: "Probes sent through an intermediary silo, by outcome: reached (the target answered it), failed (it could not reach the target either) or unavailable (it did not answer or refused).");
        SuspicionVotes = meter.CreateCounter<long>("swarm.membership.suspicion_votes", description: "Suspicion votes this silo wrote into the table.");
        DeathsDeclared = meter.CreateCounter<long>("swarm.membership.deaths_declared", description: "Silos this silo declared dead, by reason kind.");
    }

    public Counter<long> ProbesSent { get; }

    public Counter<long> ProbesFailed { get; }

    /// <summary>Tagged <c>outcome</c> = <c>reached</c> | <c>failed</c> | <c>unavailable</c>.</summary>
    public Counter<long> IndirectProbes { get; }

    public Counter<long> SuspicionVotes { get; }

    public Counter<long> DeathsDeclared { get; }
}
