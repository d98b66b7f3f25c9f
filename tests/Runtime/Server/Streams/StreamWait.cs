using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>Bounded waits for what stream consumers record, and a listener for the drop counter.</summary>
internal static class StreamWait
{
    public static async Task ForCountAsync<T>(ConcurrentQueue<T> queue, int count, string what)
    {
        var reached = await Polling.WaitUntilAsync(() => queue.Count >= count, Bounded.Wait, TimeSpan.FromMilliseconds(5), TimeProvider.System, CancellationToken.None);
        Assert.True(reached, $"Timed out after {Bounded.Wait} waiting for {what}: {queue.Count} of {count}.");
    }

    /// <summary>Sums <c>swarm.streams.events.dropped</c> by reason, for every silo of this process, while alive.</summary>
    public sealed class DropCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _byReason = new();

        public DropCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "swarm.streams.events.dropped")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason")
                    {
                        _byReason.AddOrUpdate((string)tag.Value!, value, (_, old) => old + value);
                    }
                }
            });
            _listener.Start();
        }

        public long this[string reason] => _byReason.GetValueOrDefault(reason);

        public void Dispose() => _listener.Dispose();
    }
}
