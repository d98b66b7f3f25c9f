using System.Diagnostics.Metrics;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>
/// Sums one counter of one meter instance by the values of a tag pair (e.g. outcome and host), so instruments of
/// other silos or tests in the same process never add to it.
/// </summary>
internal sealed class MeterCounts : IDisposable
{
    private readonly Dictionary<string, long> _counts = [];
    private readonly MeterListener _listener = new();

    public MeterCounts(Meter meter, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                var key = tag.Key + "=" + tag.Value;
                lock (_counts)
                {
                    _counts[key] = _counts.GetValueOrDefault(key) + value;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The sum of measurements tagged <paramref name="tag"/>=<paramref name="value"/>.</summary>
    public long Get(string tag, string value)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault(tag + "=" + value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
