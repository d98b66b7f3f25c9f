using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Turns a request into a message for another silo, serializes it on the caller's thread (a codec failure fails
/// this call at once, with the codec's message) and hands it to that silo's <see cref="SiloOutbox"/>, which keeps
/// the order of sends over connects and backpressure. A call that expects a response waits in
/// <see cref="OutstandingCalls"/> until the response, its timeout, or the target's death.
/// </summary>
internal sealed partial class RemoteSender
{
    private readonly ConcurrentDictionary<SiloAddress, SiloOutbox> _outboxes = new();

    // The outbox the last send used, by silo object: calls stream to few silos, and hashing and comparing a silo
    // address (an endpoint and a generation) on every send cost more than the rest of the lookup. Dropped whenever an
    // outbox leaves the map, so a send never lands in an outbox the map no longer holds, bar one racing the removal
    // (which that outbox then fails as abandoned, as it would have a moment earlier).
    private OutboxMemo? _lastOutbox;
    private readonly MessageSerializer _serializer;
    private readonly OutstandingCalls _outstanding;
    private readonly ConnectionManager _connections;
    private readonly LocalSiloDetails _silo;
    private readonly ResponseTimeoutMonitor _timeouts;
    private readonly Catalog.Catalog _catalog;
    private readonly ILogger<RemoteSender> _logger;

    public RemoteSender(
        MessageSerializer serializer,
        OutstandingCalls outstanding,
        ConnectionManager connections,
        LocalSiloDetails silo,
        ResponseTimeoutMonitor timeouts,
        Catalog.Catalog catalog,
        ILogger<RemoteSender> logger)
    {
        _serializer = serializer;
        _outstanding = outstanding;
        _connections = connections;
        _silo = silo;
        _timeouts = timeouts;
        _catalog = catalog;
        _logger = logger;
    }

    public void Send(GrainRequest request, SiloAddress silo, MessageFlags flags)
    {
        var oneWay = (request.Options & InvokeOptions.OneWay) != 0;
        // From the pool the connection gives it back to once written: two messages per call otherwise outlive gen 0.
        var message = _serializer.RentMessage();
        message.Kind = MessageKind.Request;
        message.Flags = flags | (oneWay ? MessageFlags.OneWay : MessageFlags.None);
        message.Target = request.TargetId;
        message.Source = request.SourceId;
        message.TargetSilo = silo;
        message.MethodId = request.MethodId;
        message.ForwardCount = request.ForwardCount;
        message.TimeToLiveMilliseconds = oneWay ? 0 : (int)(request.ResponseTimeout ?? _timeouts.DefaultTimeout).TotalMilliseconds;
        message.CallContext = request.CallContext;
        message.Request = request;

        if (!oneWay)
        {
            message.Id = _outstanding.Add(request, silo);
            if (request.ArrivedFromRemote && request.DeadlineTimestamp == 0)
            {
                // Passed on for a caller elsewhere: bound the wait here too, or a hung target would pin it forever.
                _timeouts.Track(request);
            }
        }

        try
        {
            _serializer.Serialize(message);
        }
        catch (Exception exception)
        {
            if (oneWay || _outstanding.TryRemove(request))
            {
                Fail(request, exception);
            }

            return;
        }

        OutboxOf(silo).Send(message);
    }

    /// <summary>Sends a response (or any ready message) to <paramref name="silo"/> over this silo's connection to it.</summary>
    public void SendMessage(SiloAddress silo, Message message) => OutboxOf(silo).Send(message);

    /// <summary>Forgets a dead silo: its queued messages fail, its connection closes.</summary>
    public void OnSiloDead(SiloAddress silo)
    {
        Volatile.Write(ref _lastOutbox, null);
        if (_outboxes.TryRemove(silo, out var outbox))
        {
            outbox.Abandon(new SiloUnavailableException($"Silo {silo} was declared dead."));
        }

        _connections.Abort(silo);
    }

    /// <summary>Fails whatever still waits in an outbox and refuses new sends (this silo stops or is killed).</summary>
    public void AbandonAll()
    {
        Volatile.Write(ref _lastOutbox, null);
        foreach (var (_, outbox) in _outboxes)
        {
            outbox.Abandon(new SiloUnavailableException($"Silo {_silo.SiloAddress} is stopping."));
        }

        _outboxes.Clear();
    }

    internal ConnectionManager Connections => _connections;

    internal ILogger Logger => _logger;

    /// <summary>A message that could not be sent: a request's caller learns why; a lost response is only logged.</summary>
    internal void OnUndeliverable(Message message, Exception reason)
    {
        // Never sent, so never given back to the message pool: its own buffer can go back to the buffer pool.
        message.Payload?.Return();
        message.Payload = null;
        message.Buffer = null;
        if (message.Kind == MessageKind.Request && message.Request is { } request)
        {
            if (message.IsOneWay || _outstanding.TryRemove(request))
            {
                Fail(request, reason as SiloUnavailableException ?? new SiloUnavailableException(
                    $"{request} on grain {request.TargetId} could not be sent to silo {message.TargetSilo}: {reason.Message}", reason));
            }
        }
        else
        {
            LogResponseLost(_logger, reason, message.Id, message.Target, message.TargetSilo);
        }
    }

    private void Fail(GrainRequest request, Exception exception) => _catalog.CompleteRequest(request, exception);

    private SiloOutbox OutboxOf(SiloAddress silo)
    {
        if (Volatile.Read(ref _lastOutbox) is { } memo && ReferenceEquals(memo.Silo, silo))
        {
            return memo.Outbox;
        }

        var outbox = _outboxes.GetOrAdd(silo, static (s, sender) => new SiloOutbox(s, sender), this);
        Volatile.Write(ref _lastOutbox, new OutboxMemo(silo, outbox));
        return outbox;
    }

    private sealed record OutboxMemo(SiloAddress Silo, SiloOutbox Outbox);

    [LoggerMessage(Diagnostics.SiloEventIds.ResponseUndeliverable, LogLevel.Warning, "Response #{Id} for grain {GrainId} could not be sent to {Silo}; the caller will time out")]
    private static partial void LogResponseLost(ILogger logger, Exception exception, long id, GrainId grainId, SiloAddress? silo);
}
