using System.Diagnostics.Metrics;
using TgeSwarm.Runtime.Diagnostics;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>
/// Counts the events one silo's stream provider accepted from producers (<c>swarm.streams.events.produced</c>),
/// listening only to the meters of that silo's factory, so silos of tests running beside it do not count.
/// </summary>
internal sealed class ProducedEvents : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public ProducedEvents(IMeterFactory silo, string provider)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, silo) && instrument.Meter.Name == SwarmDiagnostics.MeterName
                && instrument.Name == "swarm.streams.events.produced")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "provider" && Equals(tag.Value, provider))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
