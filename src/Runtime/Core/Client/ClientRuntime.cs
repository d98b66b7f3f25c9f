using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// The external client's runtime: sends the calls of its grain references through gateways and completes them
/// with the responses.
/// <para>
/// A call captures the caller's request context, runs the client's outgoing filters (if any), is serialized on the
/// caller's thread (never copied: a codec failure fails that call at once with the codec's message) and leaves on the
/// gateway connection its grain is pinned to (<see cref="GatewayManager"/>), so calls to one grain stay in order.
/// It then waits in <see cref="OutstandingCalls"/> against that gateway's silo until exactly one of: its response,
/// its timeout, its cancellation token, or the loss of that gateway connection
/// (<see cref="SiloUnavailableException"/> naming the gateway) takes it out. With no gateway connected a call fails
/// at once, naming the gateways tried. A call is sent again only when a gateway hands it back unsent (its connection
/// closed with the message still queued), through another gateway; one that was sent is never retried: calls are at most once.
/// </para>
/// </summary>
internal sealed partial class ClientRuntime : IGrainReferenceRuntime, IRequestDispatcher, IAsyncDisposable
{
    /// <summary>Sends through other gateways of a request no gateway took: two covers a cluster stopping one by one.</summary>
    private const int MaxResends = 2;

    private readonly MessageSerializer _serializer;
    private readonly OutstandingCalls _outstanding = new();
    private readonly ClientTimeoutMonitor _timeouts;
    private readonly GatewayManager _gateways;
    private readonly GrainFactory _grainFactory;
    private readonly IOutgoingGrainCallFilter[] _outgoingFilters;
    private readonly ClientInstruments _instruments;
    private readonly ILogger<ClientRuntime> _logger;
    private int _stopped;

    public ClientRuntime(
        SwarmCodeRegistry registry,
        ConnectionServices connectionServices,
        IGatewayListProvider gatewayListProvider,
        IOptions<GatewayOptions> gatewayOptions,
        IOptions<ClientMessagingOptions> messagingOptions,
        IEnumerable<IOutgoingGrainCallFilter> outgoingFilters,
        ClientInstruments instruments,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(connectionServices);
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        ArgumentNullException.ThrowIfNull(messagingOptions);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ClientId = $"client-{Guid.NewGuid():N}";
        Codecs = new CodecProvider(registry, this);
        _serializer = new MessageSerializer(Codecs, registry);
        _grainFactory = new GrainFactory(registry, this);
        _outgoingFilters = [.. outgoingFilters];
        _instruments = instruments;
        _logger = loggerFactory.CreateLogger<ClientRuntime>();
        _timeouts = new ClientTimeoutMonitor(timeProvider, messagingOptions.Value.ResponseTimeout, loggerFactory.CreateLogger<ClientTimeoutMonitor>());
        var connections = new ConnectionManager(connectionServices, PeerIdentity.ForClient(ClientId), this);
        _gateways = new GatewayManager(
            connections, gatewayListProvider, gatewayOptions.Value, timeProvider, instruments, loggerFactory.CreateLogger<GatewayManager>(), OnUndeliverable);
    }

    /// <summary>This client's identity in the handshake (and in the silos' logs).</summary>
    public string ClientId { get; }

    public CodecProvider Codecs { get; }

    public IGrainFactory GrainFactory => _grainFactory;

    internal GatewayManager Gateways => _gateways;

    internal int PendingCount => _outstanding.Count;

    public object CreateReference(Type interfaceType, GrainId grainId) => _grainFactory.GetGrain(interfaceType, grainId);

    /// <summary>Connects to the first gateways; throws (failing host start) when none can be reached in the bounded attempts.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _timeouts.Start(Expire);
        await _gateways.StartAsync(cancellationToken);
    }

    /// <summary>Closes the gateway connections and fails every call still waiting; later calls fail at once.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _gateways.DisposeAsync();
        foreach (var request in _outstanding.TakeAll())
        {
            Finish(request, new SiloUnavailableException($"{request} on grain {request.TargetId} did not complete: the cluster client {ClientId} stopped."));
        }

        await _timeouts.DisposeAsync();
        LogStopped(_logger, ClientId);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public void SendRequest(GrainReference target, GrainRequest request)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        request.TargetId = target.GrainId;
        request.CallContext = RequestContext.Current is { IsEmpty: false } context ? context : null;
        if (_outgoingFilters.Length == 0)
        {
            Dispatch(request);
        }
        else
        {
            _ = new OutgoingGrainCallContext(request, _outgoingFilters, this, needsResultCopy: false).RunAsync();
        }
    }

    /// <summary>Sends a request whose outgoing filters (if any) have run.</summary>
    public void Dispatch(GrainRequest request)
    {
        var oneWay = (request.Options & InvokeOptions.OneWay) != 0;
        var token = request.CancellationToken;
        if (!oneWay && token.IsCancellationRequested)
        {
            Finish(request, new OperationCanceledException(token));
            return;
        }

        if (_gateways.Pick(request.TargetId) is not { } gateway)
        {
            Finish(request, new SiloUnavailableException($"{request} on grain {request.TargetId} was not sent. {_gateways.DescribeUnreachable()}"));
            return;
        }

        var message = new Message
        {
            Kind = MessageKind.Request,
            Flags = oneWay ? MessageFlags.OneWay : MessageFlags.None,
            Target = request.TargetId,
            MethodId = request.MethodId,
            TimeToLiveMilliseconds = oneWay ? 0 : (int)Math.Min(_timeouts.TimeoutOf(request).TotalMilliseconds, int.MaxValue),
            CallContext = request.CallContext,
            Request = request,
        };

        if (!oneWay)
        {
            message.Id = _outstanding.Add(request, gateway.Silo);
            _timeouts.Track(request);
            if (token.CanBeCanceled)
            {
                request.CancellationRegistration = token.UnsafeRegister(
                    static (state, token) => ((ClientRuntime)((object[])state!)[0]).FailIfWaiting((GrainRequest)((object[])state!)[1], new OperationCanceledException(token)),
                    new object[] { this, request });
            }
        }

        try
        {
            _serializer.Serialize(message);
        }
        catch (Exception exception)
        {
            // The codec's own message reaches the caller; nothing was sent.
            if (oneWay)
            {
                Finish(request, exception);
            }
            else
            {
                FailIfWaiting(request, exception);
            }

            return;
        }

        _instruments.CallsSent.Add(1);
        gateway.Send(message);
    }

    /// <summary>Fails <paramref name="request"/> if it still waits for its response (whoever takes it out completes it).</summary>
    internal void FailIfWaiting(GrainRequest request, Exception exception)
    {
        if (_outstanding.TryRemove(request))
        {
            Finish(request, exception);
        }
    }

    private void Expire(GrainRequest request, TimeoutException exception) => FailIfWaiting(request, exception);

    /// <summary>Delivers the outcome of a request this runtime took out of the waiting calls (or never put there).</summary>
    private void Finish(GrainRequest request, Exception? error)
    {
        Release(request);
        if (error is not null)
        {
            _instruments.CallsFailed.Add(1, new KeyValuePair<string, object?>("exception", error.GetType().Name));
        }

        if ((request.Options & InvokeOptions.OneWay) != 0)
        {
            if (error is not null)
            {
                LogOneWayFailed(_logger, error, request, request.TargetId);
            }

            return;
        }

        if (request.ResponseSink is { } sink)
        {
            sink.OnResponse(request, error);
        }
        else if (error is null)
        {
            request.Complete();
        }
        else
        {
            request.Fail(error);
        }
    }

    /// <summary>Stops watching the request's deadline and cancellation token.</summary>
    private void Release(GrainRequest request)
    {
        _timeouts.Untrack(request);
        request.CancellationRegistration.Dispose();
    }

    /// <summary>Takes a request handed back unsent out of the waiting calls (a one-way one never was in), so it can be sent again.</summary>
    private bool TakeForResend(GrainRequest request, bool oneWay)
    {
        if (!oneWay && !_outstanding.TryRemove(request))
        {
            // A timeout or cancellation already answered the caller.
            return false;
        }

        Release(request);
        return true;
    }

    /// <summary>A request the gateway connection handed back unsent: its caller learns which gateway and why (or another gateway takes it).</summary>
    private void OnUndeliverable(Message message, string gateway, Exception reason)
    {
        message.Payload?.Return();
        message.Payload = null;
        if (message.Request is not { } request)
        {
            return;
        }

        if (reason is ConnectionClosedException && request.ResendCount < MaxResends && Volatile.Read(ref _stopped) == 0 && TakeForResend(request, message.IsOneWay))
        {
            // Never sent, so it cannot have run: the gateway closed (it stopped, or this client had not yet seen it
            // go) while the message waited in its queue. Another gateway takes it, as a new call would go.
            request.ResendCount++;
            LogResent(_logger, request, request.TargetId, gateway);
            Dispatch(request);
            return;
        }

        var error = reason is ConnectionClosedException
            ? new SiloUnavailableException($"{request} on grain {request.TargetId} could not be sent through {gateway}: {reason.Message}", reason)
            : reason;
        if (message.IsOneWay)
        {
            Finish(request, error);
        }
        else
        {
            FailIfWaiting(request, error);
        }
    }
}
