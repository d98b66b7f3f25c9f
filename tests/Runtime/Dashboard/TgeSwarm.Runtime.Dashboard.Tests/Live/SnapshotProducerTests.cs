using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Dashboard.Snapshots;
using TgeSwarm.Runtime.Dashboard.Tests.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Runtime.Dashboard.Tests.Live;

public sealed class SnapshotProducerTests : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly CountingSnapshotSource _source = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly SnapshotProducer _producer;

    public SnapshotProducerTests()
    {
        _producer = new SnapshotProducer(_source, new DashboardClock(_clock), Options.Create(new DashboardOptions()), NullLogger<SnapshotProducer>.Instance);
    }

    public ValueTask DisposeAsync() => _producer.DisposeAsync();

    [Fact]
    public void Nothing_is_sampled_while_nobody_watches()
    {
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, _source.Samples);
        Assert.Equal(0, _producer.SamplesTaken);
    }

    [Fact]
    public async Task The_first_watcher_gets_a_sample_at_once_and_then_one_per_interval()
    {
        using var watcher = _producer.Subscribe();

        var first = await _producer.NextAsync(0, CancellationToken.None).WaitAsync(Bound);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await _producer.NextAsync(first.Version, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, _source.Samples);
    }

    [Fact]
    public async Task A_slow_watcher_skips_to_the_latest_sample_instead_of_queueing_the_ones_it_missed()
    {
        using var watcher = _producer.Subscribe();
        await _source.WaitForSampleAsync(1);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _source.WaitForSampleAsync(2);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _producer.NextAsync(2, CancellationToken.None).WaitAsync(Bound);

        var caughtUp = await _producer.NextAsync(0, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(3, caughtUp.Version);
    }

    [Fact]
    public async Task A_fresh_snapshot_is_one_whose_sampling_started_after_it_was_asked_for()
    {
        using var watcher = _producer.Subscribe();
        var first = await _producer.NextAsync(0, CancellationToken.None).WaitAsync(Bound);

        var fresh = _producer.FreshAsync(_producer.SamplesTaken, CancellationToken.None);
        Assert.False(fresh.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, first.Version);
        Assert.Equal(2, (await fresh.WaitAsync(Bound)).Version);
    }

    [Fact]
    public async Task Sampling_stops_when_the_last_watcher_leaves_and_starts_again_for_the_next()
    {
        var first = _producer.Subscribe();
        var second = _producer.Subscribe();
        await _source.WaitForSampleAsync(1);

        first.Dispose();
        Assert.False(_producer.Loop.IsCompleted);
        second.Dispose();
        await _producer.Loop.WaitAsync(Bound);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, _producer.Subscribers);
        Assert.Equal(1, _source.Samples);

        using var again = _producer.Subscribe();
        var next = await _producer.NextAsync(1, CancellationToken.None).WaitAsync(Bound);
        Assert.Equal(2, next.Version);
        Assert.Equal(2, _source.Samples);
    }
}
