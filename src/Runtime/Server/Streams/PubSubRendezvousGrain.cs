using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// Keeps one stream's explicit subscriptions in the <c>PubSubStore</c> grain storage and tells every producing
/// silo about each change before the change is acknowledged. A producer silo that cannot be reached is dropped
/// from the list: its queue re-registers when it next refreshes (see <see cref="MemoryStreamOptions.PubSubRefreshPeriod"/>).
/// </summary>
internal sealed partial class PubSubRendezvousGrain(IServiceProvider services, ILogger<PubSubRendezvousGrain> logger) : Grain, IPubSubRendezvousGrain
{
    public const string StorageName = "PubSubStore";
    private const string StateName = "pubsub";

    private readonly GrainState<PubSubState> _state = new(new PubSubState());
    private IGrainStorage? _storage;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storage = services.GetKeyedService<IGrainStorage>(StorageName)
            ?? throw new InvalidOperationException(
                $"Streams keep explicit subscriptions in a grain storage named '{StorageName}', and none is configured. "
                + $"AddMemoryStreams adds an in-memory one; for a multi-silo cluster add a shared one, e.g. AddPostgresGrainStorage(\"{StorageName}\", …).");
        await _storage.ReadStateAsync(StateName, GrainId, _state, cancellationToken);
        if (_state.State.Epoch == Guid.Empty)
        {
            _state.State.Epoch = Guid.NewGuid();
        }
    }

    public async Task<PubSubSnapshot> RegisterProducer(SiloAddress producer)
    {
        ArgumentNullException.ThrowIfNull(producer);
        var producers = _state.State.Producers;
        var name = producer.ToString();
        if (!producers.Contains(name))
        {
            // A restarted silo on the same endpoint is a new producer; the old generation can never call again.
            producers.RemoveAll(p => SiloAddress.Parse(p).IsSameEndpoint(producer));
            producers.Add(name);
            await WriteAsync();
        }

        return _state.State.Snapshot();
    }

    public async Task UnregisterProducer(SiloAddress producer)
    {
        if (_state.State.Producers.Remove(producer.ToString()))
        {
            await WriteAsync();
        }
    }

    public async Task RegisterConsumer(PubSubSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var subscriptions = _state.State.Subscriptions;
        var index = subscriptions.FindIndex(s => s.Id == subscription.Id);
        if (index >= 0)
        {
            subscriptions[index] = subscription;
        }
        else
        {
            subscriptions.Add(subscription);
        }

        _state.State.Version++;
        await WriteAsync();
        await NotifyProducersAsync();
    }

    public async Task UnregisterConsumer(Guid subscriptionId)
    {
        if (_state.State.Subscriptions.RemoveAll(s => s.Id == subscriptionId) > 0)
        {
            _state.State.Version++;
            await WriteAsync();
            await NotifyProducersAsync();
        }
    }

    public Task<List<PubSubSubscription>> GetConsumerSubscriptions(GrainId consumer) =>
        Task.FromResult(_state.State.Subscriptions.Where(s => s.Consumer == consumer.ToString()).ToList());


    private Task WriteAsync() => _storage!.WriteStateAsync(StateName, GrainId, _state, CancellationToken.None);

    private async Task NotifyProducersAsync()
    {
        var (provider, streamId) = PubSubKey.Parse(GetPrimaryKeyString());
        var snapshot = _state.State.Snapshot();
        var producers = _state.State.Producers.ToArray();
        var calls = producers
            .Select(p => GrainFactory.GetGrain<IStreamControl>(p).SubscriptionsChanged(provider, streamId.Namespace, streamId.Key, snapshot))
            .ToArray();
        var unreachable = new List<string>();
        for (var i = 0; i < calls.Length; i++)
        {
            try
            {
                await calls[i];
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
            {
                LogProducerUnreachable(logger, producers[i], streamId, exception.Message);
                unreachable.Add(producers[i]);
            }
        }

        if (unreachable.Count > 0)
        {
            _state.State.Producers.RemoveAll(unreachable.Contains);
            await WriteAsync();
        }
    }

    [LoggerMessage(EventId = StreamEventIds.ProducerNotifyFailed, Level = LogLevel.Warning,
        Message = "Producer silo {Silo} of stream {StreamId} could not be told of a subscription change and was dropped; it re-registers on its next refresh: {Reason}")]
    private static partial void LogProducerUnreachable(ILogger logger, string silo, StreamId streamId, string reason);
}
