using System.Buffers;
using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Serialization;

public sealed class AllocationTests
{
    [Fact]
    public void Serializing_into_a_reused_buffer_allocates_nothing()
    {
        var serializer = TestSerializers.Create();
        var trade = new Trade("BTC-USDT", 64123.45m, 3, DateTime.UnixEpoch, TradeSide.Buy);
        var book = new OrderBookV2 { Instrument = "BTC-USDT", Trades = [trade, trade], Levels = new() { ["1"] = 1m } };
        var buffer = new ArrayBufferWriter<byte>(4096);
        serializer.Serialize(book, buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            buffer.ResetWrittenCount();
            serializer.Serialize(book, buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
