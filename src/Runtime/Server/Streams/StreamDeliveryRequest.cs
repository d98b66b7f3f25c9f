using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// One batch of one stream for one subscription of a consumer grain: a request made by the runtime, not by a proxy,
/// so it runs as an ordinary turn of the consumer (activating it, honouring its reentrancy) and crosses silos like
/// any call. The grain need not implement anything: the turn hands the batch to the handlers the grain attached
/// in this activation (<see cref="StreamConsumers"/>).
/// </summary>
internal sealed class StreamDeliveryRequest : GrainRequest<VoidResult>
{
    /// <summary>"STR1": outside the generator's id space, which hashes interface and method names.</summary>
    public const uint Id = 0x53545231;

    public string Provider { get; set; } = "";

    public StreamId StreamId { get; set; }

    public Guid SubscriptionId { get; set; }

    /// <summary>The provider's sequence number of the batch; event i has token (Sequence, i).</summary>
    public long Sequence { get; set; }

    /// <summary>The events, a <c>T[]</c> of the stream's event type.</summary>
    public object? Items { get; set; }

    /// <summary>
    /// False (memory streams): a failing event is logged and counted and the rest of the batch still runs.
    /// True (PostgreSQL streams): the first failure fails the request, so the batch can be retried or dead-lettered.
    /// </summary>
    public bool StopOnError { get; set; }

    public override uint MethodId => Id;

    public override string InterfaceName => "stream";

    public override string MethodName => "Deliver";

    public override int ArgumentCount => 0;

    protected override bool ResultIsImmutable => true;

    public int Count => Items is Array array ? array.Length : 0;

    public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index), "A stream delivery exposes no arguments.");

    public override void CopyArguments(CodecProvider codecs) => Items = codecs.GetCodec<object>().DeepCopy(Items!);

    public override void WriteArguments(ref SwarmWriter writer, CodecProvider codecs)
    {
        writer.WriteStartObject(0);
        var strings = codecs.GetCodec<string>();
        strings.Write(ref writer, 1, Provider);
        strings.Write(ref writer, 2, StreamId.Namespace);
        strings.Write(ref writer, 3, StreamId.Key);
        codecs.GetCodec<Guid>().Write(ref writer, 4, SubscriptionId);
        codecs.GetCodec<long>().Write(ref writer, 5, Sequence);
        codecs.GetCodec<bool>().Write(ref writer, 6, StopOnError);
        codecs.GetCodec<object>().Write(ref writer, 7, Items!);
        writer.WriteEndObject();
    }

    public override void ReadArguments(ref SwarmReader reader, CodecProvider codecs)
    {
        if (!reader.TryReadFieldHeader(out _, out var wireType))
        {
            throw reader.Truncated("a stream delivery");
        }

        if (wireType != WireType.StartObject)
        {
            throw reader.Unexpected(wireType, "a stream delivery object");
        }

        string? streamNamespace = null;
        string? streamKey = null;
        var strings = codecs.GetCodec<string>();
        while (reader.TryReadMember(out var id, out var fieldType))
        {
            switch (id)
            {
                case 1:
                    Provider = strings.Read(ref reader, fieldType);
                    break;
                case 2:
                    streamNamespace = strings.Read(ref reader, fieldType);
                    break;
                case 3:
                    streamKey = strings.Read(ref reader, fieldType);
                    break;
                case 4:
                    SubscriptionId = codecs.GetCodec<Guid>().Read(ref reader, fieldType);
                    break;
                case 5:
                    Sequence = codecs.GetCodec<long>().Read(ref reader, fieldType);
                    break;
                case 6:
                    StopOnError = codecs.GetCodec<bool>().Read(ref reader, fieldType);
                    break;
                case 7:
                    Items = codecs.GetCodec<object>().Read(ref reader, fieldType);
                    break;
                default:
                    reader.SkipField(fieldType);
                    break;
            }
        }

        if (streamNamespace is null || streamKey is null)
        {
            throw reader.Malformed("a stream delivery without its stream id");
        }

        StreamId = StreamId.Create(streamNamespace, streamKey);
    }

    protected override ValueTask<VoidResult> InvokeMethodAsync(object target) =>
        target is Grain { Context: ActivationData activation }
            ? AsVoid(activation.StreamConsumers.DeliverAsync(this))
            : throw new InvalidOperationException($"Stream events are delivered to grains; {target.GetType().FullName} is not one.");

    public override string ToString() => $"stream.Deliver({Provider}:{StreamId}, {Count} events)";
}
