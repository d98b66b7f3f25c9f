using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// Sums what one counter instance records, by the value of one tag. It listens to that instance only, so silos of
/// tests running beside it (same instrument name, other meters) do not leak in.
/// </summary>
internal sealed class CounterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);

    public CounterRecorder(Counter<long> counter, string tag)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, counter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var key = "";
            foreach (var pair in tags)
            {
                if (string.Equals(pair.Key, tag, StringComparison.Ordinal))
                {
                    key = pair.Value?.ToString() ?? "";
                }
            }

            _sums.AddOrUpdate(key, value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    /// <summary>The sum recorded with the tag equal to <paramref name="value"/>.</summary>
    public long this[string value] => _sums.TryGetValue(value, out var sum) ? sum : 0;

    public long Total => _sums.Values.Sum();

    public void Dispose() => _listener.Dispose();
}
