using System.Diagnostics.Metrics;
using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>Reminder metrics on the runtime's meter, per silo (the meter comes from the host's <see cref="IMeterFactory"/>).</summary>
internal sealed class ReminderInstruments
{
    public ReminderInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(SwarmDiagnostics.MeterName);
        Active = meter.CreateUpDownCounter<long>("swarm.reminders.active", description: "Reminders whose timers run on this silo.");
        TicksDelivered = meter.CreateCounter<long>("swarm.reminders.ticks.delivered", description: "Reminder ticks the grain handled without an exception.");
        TicksFailed = meter.CreateCounter<long>("swarm.reminders.ticks.failed", description: "Reminder ticks that failed (the handler threw, the call timed out or could not be delivered), by exception type.");
        TicksSkipped = meter.CreateCounter<long>("swarm.reminders.ticks.skipped", description: "Ticks not sent because the reminder's previous two ticks were still unanswered.");
        TicksMissed = meter.CreateCounter<long>("swarm.reminders.ticks.missed", description: "Scheduled ticks that fell due while no silo ran the reminder, counted when a silo takes it over under the catch-up policy.");
        Tardiness = meter.CreateHistogram<double>("swarm.reminders.tardiness", unit: "s", description: "How late a tick was fired after its scheduled time.");
    }

    public UpDownCounter<long> Active { get; }

    public Counter<long> TicksDelivered { get; }

    public Counter<long> TicksFailed { get; }

    public Counter<long> TicksSkipped { get; }

    public Counter<long> TicksMissed { get; }

    public Histogram<double> Tardiness { get; }
}
