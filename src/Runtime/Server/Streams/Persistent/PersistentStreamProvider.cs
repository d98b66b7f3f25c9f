using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Streams.Persistent;

/// <summary>
/// A persistent stream provider (PostgreSQL): producing writes one durable row per batch and completes when the row
/// is committed; pulling agents (<see cref="PullingAgent"/>) on the silos that own the queues read the rows in order,
/// deliver each to every subscription of its stream, retry and dead-letter failures, and only then acknowledge.
/// At-least-once: a silo that dies between delivering and acknowledging makes the next owner deliver again.
/// </summary>
internal sealed partial class PersistentStreamProvider(IStreamQueueStorage storage, StreamRuntimeServices runtime) : IStreamProviderRuntime
{
    private readonly ConcurrentDictionary<StreamId, SubscriptionSet> _explicitTargets = new();

    public string Name => storage.ProviderName;

    public bool IsRewindable => true;

    public IStreamQueueStorage Storage => storage;

    internal StreamRuntimeServices Runtime => runtime;

    public async ValueTask ProduceAsync<T>(StreamId streamId, T[] items, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (items.Length * 32));
        var writer = new SwarmWriter(buffer);
        Serializer.WriteRoot<object>(ref writer, runtime.Codecs.GetCodec<object>(), items);
        writer.Commit();
        await storage.EnqueueAsync(storage.GetQueueId(streamId), streamId, items.Length, buffer.WrittenMemory, cancellationToken);
        runtime.Instruments.EventsProduced.Add(items.Length, new KeyValuePair<string, object?>("provider", Name));
    }

    /// <summary>Nothing of its own to stop: the pulling agents belong to <see cref="StreamsLifecycle"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void OnSubscriptionsChanged(StreamId streamId, PubSubSnapshot snapshot) => SetExplicitTargets(streamId, runtime.ExplicitTargets(snapshot));

    /// <summary>The explicit subscriptions of <paramref name="streamId"/> as last pushed or read, or null if never learned.</summary>
    internal StreamTarget[]? KnownExplicitTargets(StreamId streamId) => _explicitTargets.GetValueOrDefault(streamId)?.Targets;

    /// <summary>Keeps <paramref name="targets"/> unless a newer set (pulled and pushed snapshots can cross) is already there.</summary>
    internal void SetExplicitTargets(StreamId streamId, SubscriptionSet targets) =>
        _explicitTargets.AddOrUpdate(streamId, targets, (_, current) => targets.Supersedes(current) ? targets : current);

    /// <summary>The known explicit subscriptions of the streams that map to queue <paramref name="queueId"/> and have a rewinding one.</summary>
    internal IEnumerable<(StreamId StreamId, StreamTarget[] Targets)> RewindingTargetsOfQueue(int queueId)
    {
        // Called on every poll: the cheap scan for a rewinding subscription comes before hashing the stream id.
        foreach (var (streamId, targets) in _explicitTargets)
        {
            if (Array.Exists(targets.Targets, static t => t.Rewinds) && storage.GetQueueId(streamId) == queueId)
            {
                yield return (streamId, targets.Targets);
            }
        }
    }

    /// <summary>
    /// Tells the silo pulling <paramref name="streamId"/>'s queue about a subscription that rewinds, so it replays the
    /// retained rows now rather than when the stream next gets an event (it may not have heard of the stream yet).
    /// </summary>
    internal async Task AnnounceRewindAsync(StreamId streamId)
    {
        var owner = QueueBalancer.OwnerOf(Name, storage.GetQueueId(streamId), runtime.Membership.CurrentSnapshot.ActiveSilos);
        if (owner is null)
        {
            return;
        }

        var snapshot = await runtime.PubSub(Name, streamId).RegisterProducer(owner);
        await runtime.GrainFactory.GetGrain<IStreamControl>(owner.ToString()).SubscriptionsChanged(Name, streamId.Namespace, streamId.Key, snapshot);
    }

    /// <summary>Decodes a row's payload into the event array the producer wrote.</summary>
    internal Array Decode(ReadOnlyMemory<byte> payload)
    {
        var reader = new SwarmReader(payload.Span);
        return Serializer.ReadRoot(ref reader, runtime.Codecs.GetCodec<object>()) as Array
            ?? throw new SerializationException("The row's payload is not an array of events.");
    }
}
