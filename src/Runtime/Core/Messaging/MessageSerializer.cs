using System.Buffers;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// The frame payload of a message: a compact header, then the body.
///
/// Header: kind, flags, status, forward count (one byte each), the id (varint), a byte saying which optional fields
/// follow (<see cref="MessageHeaderFields"/>), those fields in bit order; requests add the method id (4 bytes) and
/// the time to live (varint ms). Body: a request's argument object, or a response's result (field 0) or exception.
///
/// The sending and the target silo are not written: a connection's handshake fixed both (the dialling side named the
/// generation it meant and was refused by any other), so the receiver takes the sender from the connection, and a
/// message on a connection can only be for the silo that answered it. That leaves ~44 bytes and two lookups out of
/// every request. Grain type names are read through a <see cref="GrainTypeCache"/>, not decoded per message.
///
/// Serialization runs on the sender's thread into a pooled buffer (<see cref="Serialize"/>), so a codec that fails
/// fails that one call with its own message, and the connection only copies bytes. Reading is split so the receiver
/// can find the waiting request between header and body (<see cref="ReadHeader"/>, then <see cref="ReadRequest"/>
/// or <see cref="ReadResponseBody"/>).
/// </summary>
internal sealed class MessageSerializer(CodecProvider codecs, SwarmCodeRegistry registry)
{
    private readonly IFieldCodec<object> _objectCodec = codecs.GetCodec<object>();
    private readonly IFieldCodec<Exception> _exceptionCodec = codecs.GetCodec<Exception>();
    private readonly SiloAddressCache _silos = new();
    private readonly GrainTypeCache _types = new();
    private readonly MessageBufferPool _buffers = new();
    private readonly MessagePool _messages = new();

    public CodecProvider Codecs => codecs;

    /// <summary>Serializes <paramref name="message"/> into <see cref="Message.Payload"/>; throws what a codec throws.</summary>
    public void Serialize(Message message)
    {
        var buffer = message.Buffer ?? _buffers.Rent();
        try
        {
            var writer = new SwarmWriter(buffer);
            WriteHeader(ref writer, message);
            WriteBody(ref writer, message);
            writer.Commit();
        }
        catch
        {
            Release(message, buffer);
            throw;
        }

        message.Payload = buffer;
    }

    /// <summary>An empty message for sending, with a buffer of its own, from the pool the connections give written messages back to.</summary>
    public Message RentMessage()
    {
        var message = _messages.Rent();
        message.Buffer ??= _buffers.Rent();
        return message;
    }

    /// <summary>Takes back a message whose frame was written (<see cref="Networking.IMessageWriter.Release"/>).</summary>
    public void ReleaseMessage(Message message) => _messages.Return(message);

    /// <summary>Copies the serialized payload to <paramref name="output"/> and releases it.</summary>
    public static void WritePayload(IBufferWriter<byte> output, Message message)
    {
        var payload = message.Payload ?? throw new InvalidOperationException($"{message} was not serialized before sending.");
        output.Write(payload.WrittenSpan);
        message.Payload = null;
        Release(message, payload);
    }

    /// <summary>
    /// Done with <paramref name="payload"/>: a message's own buffer is emptied for its next use, unless a large message
    /// grew it (then it goes, so idle pooled messages hold small arrays only); any other buffer goes back to its pool.
    /// </summary>
    public static void Release(Message message, PooledBuffer payload)
    {
        if (!ReferenceEquals(payload, message.Buffer))
        {
            payload.Return();
        }
        else if (payload.HasGrown)
        {
            message.Buffer = null;
            payload.Return();
        }
        else
        {
            payload.Clear();
        }
    }

    /// <summary>
    /// Reads a header into <paramref name="message"/>, every field of which is overwritten: a receive loop reuses one
    /// header for all its frames, since nothing keeps it past its frame.
    /// </summary>
    public void ReadHeader(ref SwarmReader reader, Message message)
    {
        message.Clear();
        var fixedPart = reader.ReadRaw(4);
        message.Kind = (MessageKind)fixedPart[0];
        message.Flags = (MessageFlags)fixedPart[1];
        message.Status = (ResponseStatus)fixedPart[2];
        message.ForwardCount = fixedPart[3];
        message.Id = (long)reader.ReadVarUInt64();

        if (message.Kind is not (MessageKind.Request or MessageKind.Response))
        {
            throw reader.Malformed($"unknown message kind {fixedPart[0]}");
        }

        var fields = (MessageHeaderFields)reader.ReadRaw(1)[0];
        if ((fields & MessageHeaderFields.Target) != 0)
        {
            message.Target = ReadGrainId(ref reader);
        }

        if ((fields & MessageHeaderFields.Source) != 0)
        {
            message.Source = ReadGrainId(ref reader);
        }

        if ((fields & MessageHeaderFields.CallContext) != 0)
        {
            message.CallContext = ReadCallContext(ref reader);
        }

        if ((fields & MessageHeaderFields.ActivationSilo) != 0)
        {
            message.ActivationSilo = _silos.Read(ref reader);
        }

        if (message.Kind == MessageKind.Request)
        {
            message.MethodId = reader.ReadFixed32();
            message.TimeToLiveMilliseconds = (int)Math.Min(reader.ReadVarUInt32(), int.MaxValue);
        }
    }

    /// <summary>
    /// Creates the request a request message names and reads its arguments into it. An unknown method id (a silo of
    /// another version) is a <see cref="SerializationException"/> naming it.
    /// </summary>
    public GrainRequest ReadRequest(ref SwarmReader reader, Message header)
    {
        if (!registry.TryCreateRequest(header.MethodId, out var request))
        {
            throw new SerializationException(
                $"No grain method with id {header.MethodId:X8} is known here (called on {header.Target}); is every silo running the same grain interfaces?");
        }

        request.ReadArguments(ref reader, codecs);
        request.ArgumentsArePrivate = true;
        return request;
    }

    /// <summary>
    /// Reads a response body: a success into <paramref name="pending"/>'s result; a failure into
    /// <see cref="Message.Error"/>. A body that cannot be read becomes the error (the caller learns why at once).
    /// </summary>
    public void ReadResponseBody(ref SwarmReader reader, Message header, GrainRequest pending)
    {
        try
        {
            if (header.Status == ResponseStatus.Success)
            {
                pending.ReadResult(ref reader, codecs);
            }
            else
            {
                header.Error = Serializer.ReadRoot(ref reader, _exceptionCodec)
                    ?? new SwarmException($"{pending} on grain {header.Target} failed without an exception.");
            }
        }
        catch (Exception exception) when (exception is SerializationException or CodecNotFoundException)
        {
            header.Status = ResponseStatus.Error;
            header.Error = new SerializationException(
                $"The response to {pending} on grain {header.Target} could not be read: {exception.Message}", exception);
        }
    }

    private void WriteHeader(ref SwarmWriter writer, Message message)
    {
        var fixedPart = writer.WriteSpan(4);
        fixedPart[0] = (byte)message.Kind;
        fixedPart[1] = (byte)message.Flags;
        fixedPart[2] = (byte)message.Status;
        fixedPart[3] = message.ForwardCount;
        writer.WriteVarUInt64((ulong)message.Id);

        var fields = MessageHeaderFields.None;
        fields |= message.Target.IsDefault ? 0 : MessageHeaderFields.Target;
        fields |= message.Source.IsDefault ? 0 : MessageHeaderFields.Source;
        fields |= message.CallContext is null ? 0 : MessageHeaderFields.CallContext;
        fields |= message.ActivationSilo is null ? 0 : MessageHeaderFields.ActivationSilo;
        writer.WriteSpan(1)[0] = (byte)fields;

        if (!message.Target.IsDefault)
        {
            WriteGrainId(ref writer, message.Target);
        }

        if (!message.Source.IsDefault)
        {
            WriteGrainId(ref writer, message.Source);
        }

        if (message.CallContext is { } context)
        {
            WriteCallContext(ref writer, context);
        }

        if (message.ActivationSilo is { } activationSilo)
        {
            SiloAddressCodec.WriteRaw(ref writer, activationSilo);
        }

        if (message.Kind == MessageKind.Request)
        {
            writer.WriteFixed32(message.MethodId);
            writer.WriteVarUInt32((uint)Math.Max(0, message.TimeToLiveMilliseconds));
        }
    }

    private void WriteBody(ref SwarmWriter writer, Message message)
    {
        if (message.Kind == MessageKind.Request)
        {
            RequestOf(message).WriteArguments(ref writer, codecs);
        }
        else if (message.Status == ResponseStatus.Success)
        {
            RequestOf(message).WriteResult(ref writer, codecs);
        }
        else
        {
            _exceptionCodec.Write(ref writer, 0, message.Error ?? new SwarmException($"A call on grain {message.Target} failed."));
        }
    }

    private static GrainRequest RequestOf(Message message) =>
        message.Request ?? throw new InvalidOperationException($"{message} has no request to write.");

    private static void WriteGrainId(ref SwarmWriter writer, GrainId id)
    {
        writer.WriteString(id.Type);
        writer.WriteString(id.Key);
    }

    private GrainId ReadGrainId(ref SwarmReader reader)
    {
        var type = _types.Read(ref reader);
        return new GrainId(type, reader.ReadString());
    }

    private void WriteCallContext(ref SwarmWriter writer, CallContextData context)
    {
        writer.WriteVarUInt32((uint)context.Values.Length);
        foreach (var (key, value) in context.Values)
        {
            writer.WriteString(key);
            _objectCodec.Write(ref writer, 0, value);
        }

        writer.WriteVarUInt32((uint)context.CallChain.Length);
        foreach (var id in context.CallChain)
        {
            WriteGrainId(ref writer, id);
        }

        writer.WriteSpan(1)[0] = context.AllowCallChainReentrancy ? (byte)1 : (byte)0;
    }

    private CallContextData ReadCallContext(ref SwarmReader reader)
    {
        var valueCount = ReadCount(ref reader, "request-context values");
        var values = new KeyValuePair<string, object>[valueCount];
        for (var i = 0; i < valueCount; i++)
        {
            var key = reader.ReadString();
            if (!reader.TryReadFieldHeader(out _, out var wireType))
            {
                throw reader.Truncated($"the request-context value '{key}'");
            }

            values[i] = new(key, _objectCodec.Read(ref reader, wireType));
        }

        var chainLength = ReadCount(ref reader, "call chain entries");
        var chain = new GrainId[chainLength];
        for (var i = 0; i < chainLength; i++)
        {
            chain[i] = ReadGrainId(ref reader);
        }

        var allowReentrancy = reader.ReadRaw(1)[0] != 0;
        return new CallContextData(values, chain, allowReentrancy);
    }

    private static int ReadCount(ref SwarmReader reader, string what)
    {
        var count = reader.ReadVarUInt32();

        // Each entry takes at least one byte, so a count beyond what is left is corrupt, not a reason to allocate.
        return count <= (uint)reader.Remaining ? (int)count : throw reader.Malformed($"{count} {what} in {reader.Remaining} bytes");
    }
}
