using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

public sealed class PostgresGrainStorageTests(GrainStorageFixture fixture) : IClassFixture<GrainStorageFixture>
{
    private const string StateName = "state";

    private readonly IGrainStorage _storage = fixture.CreateStorage();

    [Fact]
    public async Task Read_of_a_missing_record_leaves_the_state_and_reports_no_record()
    {
        var given = new CounterState(7, "given", ["x"]);
        var state = new GrainState<CounterState>(given) { ETag = "3", RecordExists = true };

        await _storage.ReadStateAsync(StateName, NewGrain(), state, CancellationToken.None);

        Assert.Same(given, state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        var grain = NewGrain();
        var written = new GrainState<CounterState>(new CounterState(42, "héllo \"quoted\"", ["a", "b"]));

        await _storage.WriteStateAsync(StateName, grain, written, CancellationToken.None);
        var read = new GrainState<CounterState>(CounterState.Empty);
        await _storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);

        Assert.True(written.RecordExists);
        Assert.Equal("1", written.ETag);
        Assert.True(read.State.Matches(written.State));
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
    }

    [Fact]
    public async Task Json_states_are_stored_as_queryable_jsonb()
    {
        var grain = NewGrain();
        await _storage.WriteStateAsync(StateName, grain, new GrainState<CounterState>(new CounterState(5, "five", [])), CancellationToken.None);

        var label = await fixture.ExecuteAsync(
            "SELECT payload_json ->> 'Label' FROM grain_storage WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND payload_binary IS NULL",
            fixture.ServiceId, grain.Type, grain.Key);

        Assert.Equal("five", label);
    }

    [Fact]
    public async Task Each_write_with_the_current_etag_moves_the_version_on()
    {
        var grain = NewGrain();
        var state = new GrainState<CounterState>(CounterState.Empty);

        for (var i = 1; i <= 3; i++)
        {
            state.State = state.State with { Count = i };
            await _storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), state.ETag);
        }

        var read = new GrainState<CounterState>(CounterState.Empty);
        await _storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.Equal(3, read.State.Count);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_naming_both_versions_and_changes_nothing()
    {
        var grain = NewGrain();
        var first = new GrainState<CounterState>(new CounterState(1, "first", []));
        await _storage.WriteStateAsync(StateName, grain, first, CancellationToken.None);
        var stale = new GrainState<CounterState>(new CounterState(99, "stale", [])) { ETag = first.ETag };
        first.State = new CounterState(2, "second", []);
        await _storage.WriteStateAsync(StateName, grain, first, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.WriteStateAsync(StateName, grain, stale, CancellationToken.None));

        Assert.Contains("stored version is 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected version was 1", error.Message, StringComparison.Ordinal);
        Assert.Contains(grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal("1", stale.ETag);
        var read = new GrainState<CounterState>(CounterState.Empty);
        await _storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.Equal("second", read.State.Label);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task A_write_with_no_etag_over_an_existing_record_throws()
    {
        var grain = NewGrain();
        await _storage.WriteStateAsync(StateName, grain, new GrainState<CounterState>(new CounterState(1, "kept", [])), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(
            StateName, grain, new GrainState<CounterState>(new CounterState(2, "lost", [])), CancellationToken.None));

        Assert.Contains("stored version is 1, expected version was none", error.Message, StringComparison.Ordinal);
        var read = new GrainState<CounterState>(CounterState.Empty);
        await _storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.Equal("kept", read.State.Label);
    }

    [Fact]
    public async Task A_write_with_an_etag_for_a_missing_record_throws()
    {
        var state = new GrainState<CounterState>(CounterState.Empty) { ETag = "4" };

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.WriteStateAsync(StateName, NewGrain(), state, CancellationToken.None));

        Assert.Contains("stored version is none (no record), expected version was 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_etag_this_provider_did_not_write_is_a_conflict()
    {
        var state = new GrainState<CounterState>(CounterState.Empty) { ETag = "W/\"abc\"" };

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.WriteStateAsync(StateName, NewGrain(), state, CancellationToken.None));

        Assert.Contains("W/\"abc\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cleared_state_is_gone_and_a_write_with_no_etag_starts_it_again()
    {
        var grain = NewGrain();
        var state = new GrainState<CounterState>(new CounterState(1, "one", []));
        await _storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);

        await _storage.ClearStateAsync(StateName, grain, state, CancellationToken.None);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        var read = new GrainState<CounterState>(CounterState.Empty);
        await _storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.False(read.RecordExists);

        state.State = new CounterState(2, "again", []);
        await _storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
        Assert.Equal("1", state.ETag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_throws_and_keeps_the_record()
    {
        var grain = NewGrain();
        var state = new GrainState<CounterState>(new CounterState(1, "one", []));
        await _storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
        var stale = new GrainState<CounterState>(state.State) { ETag = state.ETag, RecordExists = true };
        await _storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.ClearStateAsync(StateName, grain, stale, CancellationToken.None));

        Assert.Contains("refused to clear", error.Message, StringComparison.Ordinal);
        Assert.True(stale.RecordExists);
        var read = new GrainState<CounterState>(CounterState.Empty);
        await _storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);
        Assert.Equal("2", read.ETag);
    }

    [Fact]
    public async Task A_clear_with_no_etag_succeeds_only_when_there_is_no_record()
    {
        var grain = NewGrain();
        await _storage.ClearStateAsync(StateName, grain, new GrainState<CounterState>(CounterState.Empty), CancellationToken.None);
        await _storage.WriteStateAsync(StateName, grain, new GrainState<CounterState>(CounterState.Empty), CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => _storage.ClearStateAsync(StateName, grain, new GrainState<CounterState>(CounterState.Empty), CancellationToken.None));
    }

    [Fact]
    public async Task Grain_types_state_names_and_service_ids_with_the_same_key_never_share_a_record()
    {
        var key = Guid.NewGuid().ToString("N");
        var counter = GrainId.Create("counter", key);
        var ledger = GrainId.Create("ledger", key);
        var otherService = fixture.CreateStorage(serviceId: fixture.ServiceId + "-other");
        await _storage.WriteStateAsync(StateName, counter, new GrainState<CounterState>(new CounterState(1, "counter", [])), CancellationToken.None);

        foreach (var (storage, name, grain) in new[] { (_storage, StateName, ledger), (_storage, "other", counter), (otherService, StateName, counter) })
        {
            var read = new GrainState<CounterState>(CounterState.Empty);
            await storage.ReadStateAsync(name, grain, read, CancellationToken.None);
            Assert.False(read.RecordExists);

            // Writing with no ETag proves no record is there to collide with.
            await storage.WriteStateAsync(name, grain, new GrainState<CounterState>(new CounterState(2, name, [])), CancellationToken.None);
        }

        var original = new GrainState<CounterState>(CounterState.Empty);
        await _storage.ReadStateAsync(StateName, counter, original, CancellationToken.None);
        Assert.Equal("counter", original.State.Label);
        Assert.Equal("1", original.ETag);
        await fixture.ExecuteAsync("DELETE FROM grain_storage WHERE service_id = $1", fixture.ServiceId + "-other");
    }

    private static GrainId NewGrain() => GrainId.Create("counter", Guid.NewGuid().ToString("N"));
}
