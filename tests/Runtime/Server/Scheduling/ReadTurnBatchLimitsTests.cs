using TgeSwarm.Runtime.Scheduling;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Runtime.Tests.Scheduling;

/// <summary>What a read's turn batch refuses, on a fake clock (the turns themselves: <see cref="ReadTurnBatchTests"/>).</summary>
public sealed class ReadTurnBatchLimitsTests
{
    private const uint Method = 7;
    private const uint OtherMethod = 8;

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_read_gathers_at_most_its_quota_of_turns()
    {
        var batch = new ReadTurnBatch(new CallClock(_time));

        // Gathering only records the activation; nothing here flushes, so no activation is needed.
        var taken = Enumerable.Range(0, ReadTurnBatch.TurnsPerRead + 5).Count(_ => batch.TryAdd(null!, Method));

        Assert.Equal(ReadTurnBatch.TurnsPerRead, taken);
    }

    [Fact]
    public void A_method_whose_step_ran_too_long_is_scheduled_the_ordinary_way_from_then_on()
    {
        var batch = new ReadTurnBatch(new CallClock(_time));
        var started = _time.GetTimestamp();
        _time.Advance(ReadTurnBatch.SlowTurn);
        batch.OnTurnReturned(Method, started);

        Assert.False(batch.TryAdd(null!, Method));
        Assert.True(batch.TryAdd(null!, OtherMethod));
    }

    [Fact]
    public void A_quick_step_leaves_its_method_in_the_batch()
    {
        var batch = new ReadTurnBatch(new CallClock(_time));
        var started = _time.GetTimestamp();
        _time.Advance(ReadTurnBatch.SlowTurn - TimeSpan.FromMilliseconds(1));
        batch.OnTurnReturned(Method, started);

        Assert.True(batch.TryAdd(null!, Method));
    }
}
