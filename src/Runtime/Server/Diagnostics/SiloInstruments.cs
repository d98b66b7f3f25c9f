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
        // Seconds, as the other runtime durations. The turn start comes from the call clock (1-4 ms resolution), so the
        // buckets start at a millisecond: a call that ends within a tick of its start is recorded as 0.
        CallDuration = meter.CreateHistogram<double>(
            "swarm.calls.duration",
            unit: "s",
            description: "From a request's turn starting in this silo's activation to its outcome settled, by grain type.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    public Counter<long> ActivationsCreated { get; }

    public Counter<long> ActivationsDeactivated { get; }

    public Counter<long> ActivationsFailed { get; }

    public Counter<long> CallsCompleted { get; }

    public Counter<long> CallsFailed { get; }

    public Counter<long> CallsRejected { get; }

    public Counter<long> CallsTimedOut { get; }

    public Histogram<double> CallDuration { get; }
}
