using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Timers;

/// <summary>One tick of a grain timer, queued like a request so the mailbox's turn rules apply to it. Never leaves its silo.</summary>
internal sealed class TimerTickRequest(GrainTimer timer) : GrainRequest<VoidResult>
{
    public bool KeepAlive => timer.KeepAlive;

    public override uint MethodId => 0;

    public override string InterfaceName => "GrainTimer";

    public override string MethodName => "Tick";

    public override InvokeOptions Options => timer.Interleave ? InvokeOptions.AlwaysInterleave : InvokeOptions.None;

    public override int ArgumentCount => 0;

    protected override bool ResultIsImmutable => true;

    public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index), "A timer tick has no arguments.");

    public override void CopyArguments(CodecProvider codecs)
    {
    }

    public override void WriteArguments(ref SwarmWriter writer, CodecProvider codecs) => throw NotSerializable();

    public override void ReadArguments(ref SwarmReader reader, CodecProvider codecs) => throw NotSerializable();

    protected override ValueTask<VoidResult> InvokeMethodAsync(object target) => AsVoid(timer.InvokeCallbackAsync());

    private static NotSupportedException NotSerializable() => new("Timer ticks run in their own silo and are never serialized.");
}
