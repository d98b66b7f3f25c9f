using TgeSwarm.Grains.Tge.Reliability;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Reliability;

public sealed class HostGateTests
{
    [Fact]
    public async Task Requests_beyond_the_cap_wait_in_order_and_a_raised_cap_admits_them_at_once()
    {
        var gate = new HostGate(new FakeTimeProvider(), 1, TimeSpan.Zero);
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);
        var third = gate.EnterAsync(CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.Equal(2, gate.Queued);
        first.Dispose();
        using (await second.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.False(third.IsCompleted);
            gate.SetLimit(2);
            using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(2, gate.InFlight);
        }

        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_without_taking_a_slot()
    {
        var gate = new HostGate(new FakeTimeProvider(), 1, TimeSpan.Zero);
        using var held = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, gate.Queued);
        Assert.Equal(1, gate.InFlight);
    }

    [Fact]
    public async Task Request_starts_are_spaced_on_the_clock()
    {
        var time = new FakeTimeProvider();
        var gate = new HostGate(time, 4, TimeSpan.FromSeconds(2));
        using var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None);

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        using var admitted = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, gate.InFlight);
    }

    [Fact]
    public void A_block_is_extended_only_by_a_later_end()
    {
        var time = new FakeTimeProvider();
        var gate = new HostGate(time, 1, TimeSpan.Zero);
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(30);

        Assert.True(gate.Block(until));
        Assert.False(gate.Block(until - TimeSpan.FromSeconds(10)));
        Assert.Equal(until, gate.BlockedUntil);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(gate.BlockedUntil);
    }
}
