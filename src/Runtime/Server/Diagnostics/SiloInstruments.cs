using System.Diagnostics.Metrics;

namespace TgeSwarm.Runtime.Diagnostics;

/// <summary>
/// The silo's metrics, on a <see cref="Meter"/> from the host's <see cref="IMeterFactory"/> so that several silos
/// in one process (tests) keep separate instruments.
/// </summary>
internal sealed class SiloInstruments
{
    public SiloInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SwarmDiagnostics.MeterName);
        ActivationsCreated = meter.CreateCounter<long>("swarm.activations.created", description: "Activations created.");
        ActivationsDeactivated = meter.CreateCounter<long>("swarm.activations.deactivated", description: "Activations deactivated, by reason.");
        ActivationsFailed = meter.CreateCounter<long>("swarm.activations.failed", description: "Activations whose state load or OnActivateAsync failed.");
        CallsCompleted = meter.CreateCounter<long>("swarm.calls.completed", description: "Grain calls answered by this silo's activations.");
        CallsFailed = meter.CreateCounter<long>("swarm.calls.failed", description: "Grain calls answered with an exception, by exception type.");
        CallsRejected = meter.CreateCounter<long>("swarm.calls.rejected", description: "Calls refused before running: full mailbox or deadlock.");
        CallsTimedOut = meter.CreateCounter<long>("swarm.calls.timed_out", description: "Calls that got no response within the response timeout.");
    }

    public Counter<long> ActivationsCreated { get; }

    public Counter<long> ActivationsDeactivated { get; }

    public Counter<long> ActivationsFailed { get; }

    public Counter<long> CallsCompleted { get; }

    public Counter<long> CallsFailed { get; }

    public Counter<long> CallsRejected { get; }

    public Counter<long> CallsTimedOut { get; }
}
