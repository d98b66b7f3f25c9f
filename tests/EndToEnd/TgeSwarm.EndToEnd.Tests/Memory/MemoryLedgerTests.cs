namespace TgeSwarm.EndToEnd.Tests.Memory;

/// <summary>The kill test's judge of lost writes, on hand-made answers: it must accept what a failover explains and nothing else.</summary>
public sealed class MemoryLedgerTests
{
    private const string Phase = "test";

    [Fact]
    public void Each_write_names_the_version_last_acknowledged()
    {
        var ledger = new MemoryLedger(["ns"]);

        var first = ledger.NextWrite("ns");
        ledger.Acknowledge(MemoryReply.Acknowledged("ns", first.Value, 1), Phase);
        var second = ledger.NextWrite("ns");

        Assert.Equal((1, 0), first);
        Assert.Equal((2, 1), second);
    }

    [Fact]
    public void An_acknowledged_version_not_above_the_last_one_is_a_lost_write()
    {
        var ledger = new MemoryLedger(["ns"]);
        ledger.Acknowledge(MemoryReply.Acknowledged("ns", 1, 5), Phase);

        var lost = Assert.Throws<InvalidOperationException>(() => ledger.Acknowledge(MemoryReply.Acknowledged("ns", 2, 5), Phase));

        Assert.Contains("an acknowledged write was lost", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_explained_by_an_unacknowledged_write_that_landed_moves_the_base_on()
    {
        var ledger = new MemoryLedger(["ns"]);
        ledger.Acknowledge(MemoryReply.Acknowledged("ns", ledger.NextWrite("ns").Value, 1), Phase);
        ledger.Unacknowledged("ns", ledger.NextWrite("ns").Value);

        ledger.Resync(MemoryReply.Acknowledged("ns", 2, 2), Phase);

        Assert.Equal((3, 2), ledger.NextWrite("ns"));
        Assert.Equal(1, ledger.Resyncs);
    }

    [Theory]
    [InlineData(1, 1)] // the entry fell back to the first write: the acknowledged second one is gone
    [InlineData(7, 3)] // a value no write of this test sent
    public void A_refusal_nothing_unacknowledged_explains_is_a_lost_write(long value, long version)
    {
        var ledger = new MemoryLedger(["ns"]);
        ledger.Acknowledge(MemoryReply.Acknowledged("ns", ledger.NextWrite("ns").Value, 1), Phase);
        ledger.Acknowledge(MemoryReply.Acknowledged("ns", ledger.NextWrite("ns").Value, 2), Phase);
        ledger.Unacknowledged("ns", ledger.NextWrite("ns").Value);

        var lost = Assert.Throws<InvalidOperationException>(() => ledger.Resync(MemoryReply.Acknowledged("ns", value, version), Phase));

        Assert.Contains("an acknowledged write was lost", lost.Message, StringComparison.Ordinal);
    }
}
