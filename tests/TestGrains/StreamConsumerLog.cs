using System.Collections.Concurrent;

namespace TgeSwarm.TestGrains;

/// <summary>Records what stream consumers receive in the shared <see cref="TestSignals"/>, so it outlives activations.</summary>
public static class StreamConsumerLog
{
    public static ConcurrentQueue<(Guid Subscription, StreamEvent Event)> Received(this TestSignals signals, string consumer) =>
        (ConcurrentQueue<(Guid, StreamEvent)>)signals.Values.GetOrAdd(StreamTestNames.Received(consumer), static _ => new ConcurrentQueue<(Guid, StreamEvent)>())!;

    public static ConcurrentQueue<int> Batches(this TestSignals signals, string consumer) =>
        (ConcurrentQueue<int>)signals.Values.GetOrAdd(StreamTestNames.Batches(consumer), static _ => new ConcurrentQueue<int>())!;

    /// <summary>Records one batch for <paramref name="consumer"/>; blocks if the test asked; throws on a poison event.</summary>
    public static async Task RecordAsync(this TestSignals signals, string consumer, Guid subscription, IReadOnlyList<StreamEvent> items)
    {
        if (signals.Values.ContainsKey(StreamTestNames.Block(consumer)))
        {
            signals.Open($"entered/{consumer}");
            await signals.Gate($"release/{consumer}");
        }

        signals.Batches(consumer).Enqueue(items.Count);
        var received = signals.Received(consumer);
        foreach (var item in items)
        {
            if (item.Sequence == StreamEvent.Poison)
            {
                throw new TestGrainException($"{consumer} refuses the poison event of {item.Producer}.");
            }

            received.Enqueue((subscription, item));
        }
    }
}
