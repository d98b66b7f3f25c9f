using System.Buffers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Networking;
using TgeSwarm.Runtime.Serialization;
using TgeSwarm.Runtime.SystemTargets;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// The silo's end of every connection, from silos and from clients: turns incoming frames into requests for the
/// router and responses for waiting callers, and writes outgoing messages.
///
/// A request needs no check that it was meant for this generation of this silo: the dialling silo's handshake
/// refused any other, and the peer the handshake authenticated is taken as the request's sender. A request
/// whose arguments cannot be read is answered with the codec's error at once, never left to time out; a corrupt
/// header closes the connection, since nothing after it can be trusted. Responses complete the waiting call and
/// teach the location cache where the grain answered from.
/// </summary>
internal sealed partial class MessageCenter : IMessageHandler, IMessageWriter
{
    private readonly MessageSerializer _serializer;
    private readonly OutstandingCalls _outstanding;
    private readonly GrainLocationCache _locations;
    private readonly IServiceProvider _services;
    private readonly ILogger<MessageCenter> _logger;

    public MessageCenter(
        MessageSerializer serializer,
        OutstandingCalls outstanding,
        GrainLocationCache locations,
        IServiceProvider services,
        ILogger<MessageCenter> logger)
    {
        _serializer = serializer;
        _outstanding = outstanding;
        _locations = locations;
        _services = services;
        _logger = logger;
    }

    // Resolved on first use: router → sender → connections → this.
    private MessageRouter Router => field ??= _services.GetRequiredService<MessageRouter>();

    private Catalog.Catalog Catalog => field ??= _services.GetRequiredService<Catalog.Catalog>();

    private RemoteSender Sender => field ??= _services.GetRequiredService<RemoteSender>();

    public void Write(IBufferWriter<byte> output, Message message) => MessageSerializer.WritePayload(output, message);

    public void Release(Message message) => _serializer.ReleaseMessage(message);

    public void OnFrame(Connection connection, in ReadOnlySequence<byte> frame)
    {
        var span = Frames.Contiguous(frame, out var rented);
        try
        {
            Handle(connection, span);
        }
        finally
        {
            Frames.Return(rented);
        }
    }

    public void OnUndelivered(Connection connection, Message message, Exception reason) => Sender.OnUndeliverable(message, reason);

    public void OnClosed(Connection connection, Exception? error)
    {
        // Calls waiting on a silo fail when membership declares it dead (or time out); a closed connection alone
        // may be a restart of the link, not of the silo.
        LogConnectionClosed(_logger, connection.RemoteEndPoint, error?.Message);
    }

    /// <summary>Answers a request that came over <paramref name="connection"/>.</summary>
    public void SendResponse(Connection connection, long messageId, GrainRequest request, Exception? exception)
    {
        var message = _serializer.RentMessage();
        message.Kind = MessageKind.Response;
        message.Id = messageId;
        message.Status = exception is null ? ResponseStatus.Success : ResponseStatus.Error;
        message.Error = exception;
        message.Request = request;

        // Only a call this silo passed on answers from elsewhere; otherwise the caller knows where it sent it.
        message.ActivationSilo = exception is null && request.TargetSilo is { } elsewhere && !SystemTargetIds.IsSystemTarget(request.TargetId) ? elsewhere : null;

        try
        {
            _serializer.Serialize(message);
        }
        catch (Exception serializationError)
        {
            message.Status = ResponseStatus.Error;
            message.ActivationSilo = null;
            message.Error = new SerializationException(
                $"The result of {request} on grain {request.TargetId} could not be serialized: {serializationError.Message}", serializationError);
            _serializer.Serialize(message);
        }

        Send(connection, message);
    }

    private void Handle(Connection connection, ReadOnlySpan<byte> frame)
    {
        var reader = new SwarmReader(frame);
        var header = connection.ReceivedHeader;
        try
        {
            _serializer.ReadHeader(ref reader, header);
        }
        catch (SerializationException exception)
        {
            LogMalformedFrame(_logger, exception, connection.RemoteEndPoint);
            throw;
        }

        if (header.Kind == MessageKind.Request)
        {
            HandleRequest(connection, header, ref reader);
        }
        else
        {
            HandleResponse(header, ref reader);
        }
    }

    private void HandleRequest(Connection connection, Message header, ref SwarmReader reader)
    {
        GrainRequest request;
        try
        {
            request = _serializer.ReadRequest(ref reader, header);
        }
        catch (Exception exception) when (exception is SerializationException or CodecNotFoundException)
        {
            Reject(connection, header, exception);
            return;
        }

        request.TargetId = header.Target;
        request.SourceId = header.Source;
        request.CallContext = header.CallContext;
        request.ForwardCount = header.ForwardCount;
        request.SendingSilo = connection.PeerIdentity.Silo;
        request.ArrivedFromRemote = true;
        if (!header.IsOneWay)
        {
            request.ResponseSink = new RemoteResponseSink(this, connection, header.Id);
        }

        if ((header.Flags & MessageFlags.Placed) != 0)
        {
            Router.RouteHere(request);
        }
        else
        {
            Router.Route(request);
        }
    }

    private void HandleResponse(Message header, ref SwarmReader reader)
    {
        if (!_outstanding.TryTake(header.Id, out var request))
        {
            // Timed out, cancelled or failed meanwhile: the caller has its answer already.
            LogLateResponse(_logger, header.Id, header.Target);
            return;
        }

        header.Target = request.TargetId;
        _serializer.ReadResponseBody(ref reader, header, request);
        if (header.Status == ResponseStatus.Success && (header.ActivationSilo ?? request.TargetSilo) is { } location
            && !SystemTargetIds.IsSystemTarget(request.TargetId))
        {
            _locations.Set(request.TargetId, location);
        }
        else if (header.Status == ResponseStatus.Rejected)
        {
            _locations.Invalidate(request.TargetId);
        }

        Catalog.CompleteRequest(request, header.Status == ResponseStatus.Success ? null : header.Error, resultIsPrivate: true);
    }

    /// <summary>Answers a request that never ran: the exception says why, and the status tells the caller nothing ran.</summary>
    private void Reject(Connection connection, Message header, Exception reason)
    {
        if (header.IsOneWay)
        {
            return;
        }

        var message = new Message
        {
            Kind = MessageKind.Response,
            Id = header.Id,
            Target = header.Target,
            Status = ResponseStatus.Rejected,
            Error = reason,
            Request = null,
        };
        _serializer.Serialize(message);
        Send(connection, message);
    }

    private void Send(Connection connection, Message message)
    {
        if (!connection.TrySend(message))
        {
            _ = SendSlowAsync(connection, message);
        }
    }

    private async Task SendSlowAsync(Connection connection, Message message)
    {
        if (!await connection.SendAsync(message, CancellationToken.None))
        {
            // Closed before there was room: the message was not taken.
            Sender.OnUndeliverable(message, new ConnectionClosedException($"The connection to {connection.RemoteEndPoint} closed before the response could be queued."));
        }
    }

    [LoggerMessage(SiloEventIds.MalformedFrame, LogLevel.Error, "A frame from {RemoteEndPoint} has a corrupt header; closing the connection")]
    private static partial void LogMalformedFrame(ILogger logger, Exception exception, System.Net.EndPoint? remoteEndPoint);

    [LoggerMessage(SiloEventIds.LateResponse, LogLevel.Debug, "Response #{Id} for grain {GrainId} arrived after its call ended; dropped")]
    private static partial void LogLateResponse(ILogger logger, long id, GrainId grainId);

    [LoggerMessage(SiloEventIds.ConnectionClosed, LogLevel.Debug, "Connection with {RemoteEndPoint} closed: {Reason}")]
    private static partial void LogConnectionClosed(ILogger logger, System.Net.EndPoint? remoteEndPoint, string? reason);
}
