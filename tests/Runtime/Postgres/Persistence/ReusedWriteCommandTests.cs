using System.Globalization;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

/// <summary>
/// A provider lends the same command objects to write after write (StateWriteCommands): concurrent writes never
/// share one, and a write that was refused or failed leaves nothing behind for the next.
/// </summary>
public sealed class ReusedWriteCommandTests(GrainStorageFixture fixture) : IClassFixture<GrainStorageFixture>
{
    private const string StateName = "state";

    private readonly IGrainStorage _storage = fixture.CreateStorage();

    [Fact]
    public async Task Grains_writing_at_once_through_one_provider_each_keep_their_own_state_and_versions()
    {
        const int Grains = 32;
        const int Writes = 10;
        var grains = Enumerable.Range(0, Grains).Select(_ => NewGrain()).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = grains.Select((grain, g) => Task.Run(async () =>
        {
            await start.Task;
            var state = new GrainState<CounterState>(CounterState.Empty);
            for (var i = 1; i <= Writes; i++)
            {
                state.State = new CounterState(i, $"grain {g}", []);
                await _storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
                Assert.Equal(i.ToString(CultureInfo.InvariantCulture), state.ETag);
            }
        })).ToArray();
        start.SetResult();

        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));

        for (var g = 0; g < Grains; g++)
        {
            var read = await ReadAsync(grains[g]);
            Assert.Equal($"grain {g}", read.State.Label);
            Assert.Equal(Writes, read.State.Count);
            Assert.Equal(Writes.ToString(CultureInfo.InvariantCulture), read.ETag);
        }
    }

    [Fact]
    public async Task A_refused_write_leaves_nothing_for_the_next_write()
    {
        var grain = NewGrain();
        var current = new GrainState<CounterState>(new CounterState(1, "first", []));
        await _storage.WriteStateAsync(StateName, grain, current, CancellationToken.None);
        await _storage.WriteStateAsync(StateName, grain, current, CancellationToken.None);
        var stale = new GrainState<CounterState>(new CounterState(99, "stale", [])) { ETag = "1" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, stale, CancellationToken.None));
        current.State = new CounterState(3, "third", []);
        await _storage.WriteStateAsync(StateName, grain, current, CancellationToken.None);

        var read = await ReadAsync(grain);
        Assert.Equal("third", read.State.Label);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task A_cancelled_write_changes_nothing_and_the_next_write_goes_through()
    {
        var grain = NewGrain();
        var state = new GrainState<CounterState>(new CounterState(1, "first", []));
        await _storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var attempt = new GrainState<CounterState>(new CounterState(2, "cancelled", [])) { ETag = state.ETag };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _storage.WriteStateAsync(StateName, grain, attempt, cancelled.Token));
        state.State = new CounterState(2, "second", []);
        await _storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);

        var read = await ReadAsync(grain);
        Assert.Equal("second", read.State.Label);
        Assert.Equal("2", read.ETag);
    }

    private static GrainId NewGrain() => GrainId.Create("counter", Guid.NewGuid().ToString("N"));

    private async Task<GrainState<CounterState>> ReadAsync(GrainId grain)
    {
        var read = new GrainState<CounterState>(CounterState.Empty);
        await _storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        return read;
    }
}
