using System.Collections.Concurrent;
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
        meter.CreateObservableGauge(
            "swarm.streams.subscription.pending_events",
            ObservePendingEvents,
            unit: "{event}",
            description: "Events of a persistent stream subscription's own stream not yet given to it, for the queues this silo pulls.");
    }

    private readonly ConcurrentDictionary<string, IReadOnlyList<StreamSubscriptionLag>> _lag = new(StringComparer.Ordinal);

    public Counter<long> EventsProduced { get; }

    public Counter<long> EventsDelivered { get; }

    public Counter<long> EventsDropped { get; }

    /// <summary>Replaces the lag a provider last sampled for the queues this silo pulls.</summary>
    public void SetLag(string provider, IReadOnlyList<StreamSubscriptionLag> lag) => _lag[provider] = lag;

    private IEnumerable<Measurement<long>> ObservePendingEvents()
    {
        foreach (var (provider, lag) in _lag)
        {
            foreach (var subscription in lag)
            {
                yield return new Measurement<long>(
                    subscription.PendingEvents,
                    new KeyValuePair<string, object?>("provider", provider),
                    new KeyValuePair<string, object?>("stream", subscription.StreamId.ToString()),
                    new KeyValuePair<string, object?>("subscription", subscription.SubscriptionId.ToString()));
            }
        }
    }

    public void Dropped(string provider, string reason, long count)
    {
        if (count > 0)
        {
            EventsDropped.Add(count, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("reason", reason));
        }
    }
}
