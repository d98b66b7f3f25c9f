using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// One reminder tick: a call of <see cref="IRemindable.ReceiveReminder"/> on the grain, written by hand because
/// <see cref="IRemindable"/> lives in Abstractions, where no proxy is generated. It travels between silos like a
/// generated request (method id <see cref="Id"/>, arguments as one object: field 1 the name, field 2 the status), so
/// the silo running the reminder reaches the grain wherever it is active. <see cref="ReminderCodeRegistration"/>
/// registers its factory.
/// </summary>
internal sealed class ReminderTickRequest : GrainRequest<VoidResult>
{
    /// <summary>FNV-1a of <see cref="Signature"/>, the way generated method ids are made; distinct from the id a grain interface deriving from <see cref="IRemindable"/> gets.</summary>
    public const uint Id = 0x8053B8F5u;

    public const string Signature = "sys.reminders.ReceiveReminder(string,TickStatus)";

    internal string ReminderName = "";

    internal TickStatus Status;

    /// <summary>The last scheduled time this tick stands for (the owner records it under the catch-up policy); not sent.</summary>
    internal DateTime CoveredUntil;

    public override uint MethodId => Id;

    public override string InterfaceName => "TgeSwarm.Runtime.IRemindable";

    public override string MethodName => nameof(IRemindable.ReceiveReminder);

    public override int ArgumentCount => 2;

    protected override bool ResultIsImmutable => true;

    public override object? GetArgument(int index) => index switch
    {
        0 => ReminderName,
        1 => Status,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public override void CopyArguments(CodecProvider codecs)
    {
        // A string and a value type: nothing the grain could share with the sender.
    }

    public override void WriteArguments(ref SwarmWriter writer, CodecProvider codecs)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        writer.WriteStartObject(0);
        codecs.GetCodec<string>().Write(ref writer, 1, ReminderName);
        codecs.GetCodec<TickStatus>().Write(ref writer, 2, Status);
        writer.WriteEndObject();
    }

    public override void ReadArguments(ref SwarmReader reader, CodecProvider codecs)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        if (!reader.TryReadFieldHeader(out _, out var wireType))
        {
            throw reader.Truncated("the arguments of IRemindable.ReceiveReminder");
        }

        if (wireType != WireType.StartObject)
        {
            throw reader.Unexpected(wireType, "an argument object");
        }

        while (reader.TryReadMember(out var id, out var argumentWireType))
        {
            switch (id)
            {
                case 1:
                    ReminderName = codecs.GetCodec<string>().Read(ref reader, argumentWireType);
                    break;
                case 2:
                    Status = codecs.GetCodec<TickStatus>().Read(ref reader, argumentWireType);
                    break;
                default:
                    reader.SkipField(argumentWireType);
                    break;
            }
        }
    }

    protected override ValueTask<VoidResult> InvokeMethodAsync(object target) =>
        target is IRemindable remindable
            ? AsVoid(remindable.ReceiveReminder(ReminderName, Status))
            : throw new InvalidOperationException(
                $"Grain {TargetId} ({target.GetType().FullName}) has reminder '{ReminderName}' but does not implement IRemindable, so the tick cannot be delivered. Implement IRemindable or unregister the reminder.");
}
