using System.Buffers;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Client;

/// <summary>The client's end of its gateway connections: responses in, undelivered requests and closed gateways.</summary>
internal sealed partial class ClientRuntime : IMessageHandler
{
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

    public void OnUndelivered(Connection connection, Message message, Exception reason) =>
        OnUndeliverable(message, Describe(connection), reason);

    public void OnClosed(Connection connection, Exception? error)
    {
        // Calls first, then the gateway list: a reconnect to the same silo must not see calls of this connection.
        if (connection.PeerIdentity.Silo is { } silo)
        {
            var why = error is null ? "closed" : $"failed ({error.Message})";
            foreach (var request in _outstanding.TakeAllFor(silo))
            {
                Finish(request, new SiloUnavailableException(
                    $"{request} on grain {request.TargetId} was sent through {Describe(connection)}, whose connection {why} before the response arrived. Whether the grain ran the call is unknown.",
                    error));
            }
        }

        _gateways.OnClosed(connection, error);
    }

    private static string Describe(Connection connection) => $"gateway {connection.RemoteEndPoint} ({connection.PeerIdentity.Silo})";

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
            // Nothing after a corrupt header can be trusted: the throw closes this connection.
            LogMalformedFrame(_logger, exception, connection.RemoteEndPoint);
            throw;
        }

        if (header.Kind != MessageKind.Response)
        {
            // A client hosts no grains (observers are not supported): nobody could answer.
            LogUnexpectedRequest(_logger, header.Id, header.Target, connection.RemoteEndPoint);
            return;
        }

        if (!_outstanding.TryTake(header.Id, out var request))
        {
            LogLateResponse(_logger, header.Id, header.Target);
            return;
        }

        _serializer.ReadResponseBody(ref reader, header, request);
        Finish(request, header.Status == ResponseStatus.Success ? null : header.Error);
    }
}
