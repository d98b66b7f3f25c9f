using System.Diagnostics.Metrics;
using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// Stream metrics, tagged by provider: what producers handed over, what consumers handled, and every event that
/// was not handled, with the reason (no handler, unsubscribed, consumer failed, delivery failed, type mismatch,
/// dead-lettered).
/// </summary>
internal sealed class StreamInstruments
{
    public StreamInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SwarmDiagnostics.MeterName);
        EventsProduced = meter.CreateCounter<long>("swarm.streams.events.produced", description: "Events accepted from producers.");
        EventsDelivered = meter.CreateCounter<long>("swarm.streams.events.delivered", description: "Events handled by a subscription's observer.");
        EventsDropped = meter.CreateCounter<long>("swarm.streams.events.dropped", description: "Events not handled, by reason.");
    }

    public Counter<long> EventsProduced { get; }

    public Counter<long> EventsDelivered { get; }

    public Counter<long> EventsDropped { get; }

    public void Dropped(string provider, string reason, long count)
    {
        if (count > 0)
        {
            EventsDropped.Add(count, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("reason", reason));
        }
    }
}
