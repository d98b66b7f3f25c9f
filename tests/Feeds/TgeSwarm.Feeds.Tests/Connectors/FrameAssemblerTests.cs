using System.Text;
using TgeSwarm.Feeds.Connectors;

namespace TgeSwarm.Feeds.Tests.Connectors;

public sealed class FrameAssemblerTests
{
    private const int Limit = 100_000;

    [Fact]
    public void A_message_received_in_chunks_is_reassembled_whole()
    {
        using var assembler = new FrameAssembler(Limit);
        var message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0123456789", 9_000)));

        Receive(assembler, message, chunk: 7_000);

        Assert.False(assembler.IsDiscarding);
        Assert.Equal(message, assembler.Message.ToArray());
        Assert.Equal(message.Length, assembler.MessageBytes);
    }

    [Fact]
    public void A_message_of_exactly_the_limit_is_kept_and_one_byte_more_is_discarded()
    {
        using var assembler = new FrameAssembler(Limit);

        Receive(assembler, new byte[Limit], chunk: 10_000);
        Assert.False(assembler.IsDiscarding);
        Assert.Equal(Limit, assembler.Message.Length);
        assembler.Reset();

        Receive(assembler, new byte[Limit + 1], chunk: 10_000);
        Assert.True(assembler.IsDiscarding);
        Assert.Equal(Limit + 1, assembler.MessageBytes);
        assembler.Reset();

        var next = "{\"after\":true}"u8.ToArray();
        Receive(assembler, next, chunk: 4);
        Assert.False(assembler.IsDiscarding);
        Assert.Equal(next, assembler.Message.ToArray());
    }

    [Fact]
    public void A_runaway_message_never_takes_more_than_the_limit_of_buffer()
    {
        using var assembler = new FrameAssembler(Limit);
        long received = 0;
        while (received < 10L * Limit)
        {
            var memory = assembler.GetMemory();
            Assert.InRange(memory.Length, 1, Limit);
            assembler.Advance(memory.Length);
            received += memory.Length;
        }

        Assert.True(assembler.IsDiscarding);
        Assert.Equal(received, assembler.MessageBytes);
    }

    /// <summary>Copies <paramref name="message"/> in as the socket would: never more than the memory offered, nor than <paramref name="chunk"/>.</summary>
    private static void Receive(FrameAssembler assembler, byte[] message, int chunk)
    {
        var offset = 0;
        while (offset < message.Length)
        {
            var memory = assembler.GetMemory();
            var count = Math.Min(Math.Min(memory.Length, chunk), message.Length - offset);
            message.AsSpan(offset, count).CopyTo(memory.Span);
            assembler.Advance(count);
            offset += count;
        }
    }
}
