using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Streams;

/// <summary>What every stream provider of the silo needs, gathered once.</summary>
internal sealed class StreamRuntimeServices(
    IServiceProvider services,
    LocalSiloDetails silo,
    CodecProvider codecs,
    ImplicitStreamSubscriptions implicitSubscriptions,
    StreamInstruments instruments,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    public LocalSiloDetails Silo { get; } = silo;

    public CodecProvider Codecs { get; } = codecs;

    public ImplicitStreamSubscriptions ImplicitSubscriptions { get; } = implicitSubscriptions;

    public StreamInstruments Instruments { get; } = instruments;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("TgeSwarm.Runtime.Streams");

    // Resolved on first use: the runtime client needs the catalog, whose activations need the stream services.
    public IGrainReferenceRuntime References => field ??= services.GetRequiredService<SiloRuntimeClient>();

    public IGrainFactory GrainFactory => field ??= services.GetRequiredService<IGrainFactory>();

    public Membership.IClusterMembershipService Membership => field ??= services.GetRequiredService<Membership.IClusterMembershipService>();

    public IPubSubRendezvousGrain PubSub(string provider, StreamId streamId) =>
        GrainFactory.GetGrain<IPubSubRendezvousGrain>(PubSubKey.For(provider, streamId));

    public StreamTarget Target(Guid subscriptionId, GrainId consumer, long startSequence = -1) =>
        new(subscriptionId, consumer, new StreamConsumerReference(consumer, References), startSequence);

    /// <summary>The implicit subscriptions of <paramref name="streamId"/>: one per grain type subscribed to its namespace.</summary>
    public StreamTarget[] ImplicitTargets(string provider, StreamId streamId) =>
        [.. ImplicitSubscriptions.GrainTypesFor(streamId.Namespace)
            .Select(type => Target(ImplicitSubscriptionId.For(type, provider, streamId), GrainId.Create(type, streamId.Key)))];

    public SubscriptionSet ExplicitTargets(PubSubSnapshot snapshot) =>
        new(snapshot.Epoch, snapshot.Version, [.. snapshot.Subscriptions.Select(s => Target(s.Id, s.ConsumerId, s.StartSequence))]);
}
