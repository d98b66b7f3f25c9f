using System.Buffers;
using System.Buffers.Binary;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Tests.Networking;

/// <summary>
/// Writes a test frame: the message id (8 bytes) then <see cref="Message.MethodId"/> filler bytes, so a test picks a
/// payload size per message. Can hold the writer loop on the next message until released, which is how tests put
/// messages in the queue deterministically; throws for a message whose id is negative (a failing codec).
/// </summary>
internal sealed class TestMessageWriter : IMessageWriter
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ManualResetEventSlim? _gate;
    private ManualResetEventSlim? _held;

    public static Message Create(long id, int payload = 0) => new()
    {
        Kind = MessageKind.Request,
        Id = id,
        MethodId = (uint)payload,
        Target = new GrainId("test", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    /// <summary>The next message written blocks until <see cref="Release"/>; <see cref="Entered"/> completes when it does.</summary>
    public void HoldNext() => _gate = _held = new ManualResetEventSlim(false);

    public Task Entered => _entered.Task;

    public void Release() => _held?.Set();

    public void Write(IBufferWriter<byte> output, Message message)
    {
        if (Interlocked.Exchange(ref _gate, null) is { } gate)
        {
            _entered.TrySetResult();
            // A test writer may block: it stands for a slow serializer, and the bound turns a stuck test into a failure.
            if (!gate.Wait(TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException("The test never released the held writer.");
            }
        }

        if (message.Id < 0)
        {
            throw new InvalidOperationException($"test codec refuses message {message.Id}");
        }

        BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), message.Id);
        output.Advance(8);
        var remaining = (int)message.MethodId;
        while (remaining > 0)
        {
            var chunk = Math.Min(remaining, 4096);
            output.GetSpan(chunk)[..chunk].Fill(0xAB);
            output.Advance(chunk);
            remaining -= chunk;
        }
    }
}
