using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

public sealed class ConcurrentWriterTests(GrainStorageFixture fixture) : IClassFixture<GrainStorageFixture>
{
    private const int Rounds = 20;

    [Fact]
    public async Task Of_two_writers_holding_the_same_etag_exactly_one_wins_every_round()
    {
        // Two providers over one database, as two silos with a duplicate activation would be.
        var storages = new[] { fixture.CreateStorage(), fixture.CreateStorage() };
        var grain = GrainId.Create("counter", Guid.NewGuid().ToString("N"));
        string? etag = null;

        // Round 0 races two inserts (no ETag), the others race two updates of the same version.
        for (var round = 0; round <= Rounds; round++)
        {
            var states = new[] { 0, 1 }
                .Select(w => new GrainState<CounterState>(new CounterState(round, $"writer {w}", [])) { ETag = etag })
                .ToArray();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writes = states.Select((state, w) => Task.Run(async () =>
            {
                await start.Task;
                await storages[w].WriteStateAsync("state", grain, state, CancellationToken.None);
            })).ToArray();
            start.SetResult();
            try
            {
                await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (InconsistentStateException)
            {
                // The loser; checked below. A timeout or any other failure escapes and fails the test.
            }

            var winners = Enumerable.Range(0, 2).Where(w => writes[w].IsCompletedSuccessfully).ToArray();
            var winner = Assert.Single(winners);
            var loser = writes[1 - winner];
            Assert.IsType<InconsistentStateException>(loser.Exception?.InnerException);

            var read = new GrainState<CounterState>(CounterState.Empty);
            await storages[0].ReadStateAsync("state", grain, read, CancellationToken.None);
            Assert.Equal($"writer {winner}", read.State.Label);
            Assert.Equal(round, read.State.Count);
            Assert.Equal(states[winner].ETag, read.ETag);
            Assert.Equal(etag, states[1 - winner].ETag);
            etag = read.ETag;
        }

        Assert.Equal((Rounds + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), etag);
    }
}
