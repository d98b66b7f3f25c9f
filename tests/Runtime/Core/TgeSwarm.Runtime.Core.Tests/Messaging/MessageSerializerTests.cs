using System.Buffers;
using System.Net;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Serialization;
using TgeSwarm.Runtime.Tests.Serialization;

namespace TgeSwarm.Runtime.Tests.Messaging;

public sealed class MessageSerializerTests
{
    private static readonly SiloAddress Silo = new(new IPEndPoint(IPAddress.Loopback, 11111), 5);

    private readonly MessageSerializer _serializer = new(new CodecProvider(TestSerializers.Registry()), TestSerializers.Registry());

    [Fact]
    public void The_target_silo_is_not_written_and_a_repeated_grain_type_is_read_as_one_string()
    {
        var addressed = Frame(Failed(GrainId.Create("counter", 1), "no", targetSilo: Silo));
        var unaddressed = Frame(Failed(GrainId.Create("counter", 1), "no", targetSilo: null));
        var first = ReadHeader(addressed);
        var second = ReadHeader(Frame(Failed(GrainId.Create("counter", 2), "no", targetSilo: Silo)));

        Assert.Equal(unaddressed, addressed);
        Assert.Equal(GrainId.Create("counter", 1), first.Target);
        Assert.Equal(GrainId.Create("counter", 2), second.Target);
        Assert.Same(first.Target.Type, second.Target.Type);
        Assert.Null(first.TargetSilo);
    }

    [Fact]
    public void A_pooled_message_keeps_its_buffer_across_sends_until_a_large_message_grows_it()
    {
        var message = _serializer.RentMessage();
        var buffer = message.Buffer;
        Assert.NotNull(buffer);

        Send(Fill(message, "small"));
        Assert.Same(buffer, message.Buffer);
        Assert.Equal(0, buffer.Length);

        _serializer.ReleaseMessage(message);
        var reused = _serializer.RentMessage();
        Assert.Same(message, reused);
        Assert.Same(buffer, reused.Buffer);

        Send(Fill(reused, new string('x', 4 * PooledBuffer.InitialSize)));
        Assert.Null(reused.Buffer);
    }

    private Message Failed(GrainId target, string error, SiloAddress? targetSilo) =>
        Fill(new Message { Target = target, TargetSilo = targetSilo }, error);

    private static Message Fill(Message message, string error)
    {
        message.Kind = MessageKind.Response;
        message.Id = 42;
        message.Status = ResponseStatus.Error;
        message.Error = new SwarmException(error);
        return message;
    }

    private void Send(Message message)
    {
        _serializer.Serialize(message);
        MessageSerializer.WritePayload(new ArrayBufferWriter<byte>(), message);
    }

    private byte[] Frame(Message message)
    {
        var output = new ArrayBufferWriter<byte>();
        _serializer.Serialize(message);
        MessageSerializer.WritePayload(output, message);
        return output.WrittenSpan.ToArray();
    }

    private Message ReadHeader(byte[] frame)
    {
        var reader = new SwarmReader(frame);
        var header = new Message();
        _serializer.ReadHeader(ref reader, header);
        return header;
    }
}
