using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

/// <summary>The Binary format through SwarmSerializer: a generated codec and built-in framework codecs.</summary>
public sealed class BinaryFormatTests(GrainStorageFixture fixture) : IClassFixture<GrainStorageFixture>
{
    private const string StateName = "state";

    [Fact]
    public async Task A_generated_serializer_state_round_trips_through_bytea()
    {
        var storage = fixture.CreateStorage(GrainStateFormat.Binary);
        var grain = NewGrain();
        var written = new GrainState<CounterState>(new CounterState(42, "binary \u00e9", ["a", "b"]));

        await storage.WriteStateAsync(StateName, grain, written, CancellationToken.None);
        var read = new GrainState<CounterState>(CounterState.Empty);
        await storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);

        Assert.True(read.State.Matches(written.State));
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
        var stored = await fixture.ExecuteAsync(
            "SELECT payload_binary FROM grain_storage WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND payload_json IS NULL",
            fixture.ServiceId, grain.Type, grain.Key);
        Assert.Equal(fixture.Serializer.SerializeToArray(written.State), Assert.IsType<byte[]>(stored));
    }

    [Fact]
    public async Task A_framework_collection_state_round_trips_through_bytea()
    {
        var storage = fixture.CreateStorage(GrainStateFormat.Binary);
        var grain = NewGrain();
        var written = new GrainState<Dictionary<string, List<int>>>(new() { ["primes"] = [2, 3, 5, 7], ["empty"] = [] });

        await storage.WriteStateAsync(StateName, grain, written, CancellationToken.None);
        var read = new GrainState<Dictionary<string, List<int>>>([]);
        await storage.ReadStateAsync(StateName, grain, read, CancellationToken.None);

        Assert.Equal([2, 3, 5, 7], read.State["primes"]);
        Assert.Empty(read.State["empty"]);
        Assert.Equal("1", read.ETag);
        var stored = await fixture.ExecuteAsync(
            "SELECT payload_binary FROM grain_storage WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND payload_json IS NULL",
            fixture.ServiceId, grain.Type, grain.Key);
        Assert.Equal(fixture.Serializer.SerializeToArray(written.State), Assert.IsType<byte[]>(stored));
    }

    [Fact]
    public async Task Switching_format_keeps_reading_rows_written_in_the_other_format()
    {
        var json = fixture.CreateStorage(GrainStateFormat.Json);
        var binary = fixture.CreateStorage(GrainStateFormat.Binary);
        var grain = NewGrain();
        var state = new GrainState<List<string>>(["written", "as", "json"]);
        await json.WriteStateAsync(StateName, grain, state, CancellationToken.None);

        var viaBinary = new GrainState<List<string>>([]);
        await binary.ReadStateAsync(StateName, grain, viaBinary, CancellationToken.None);
        viaBinary.State.Add("then binary");
        await binary.WriteStateAsync(StateName, grain, viaBinary, CancellationToken.None);
        var viaJson = new GrainState<List<string>>([]);
        await json.ReadStateAsync(StateName, grain, viaJson, CancellationToken.None);

        Assert.Equal(["written", "as", "json", "then binary"], viaJson.State);
        Assert.Equal("2", viaJson.ETag);
    }

    [Fact]
    public async Task A_stale_etag_is_refused_in_binary_format_too()
    {
        var storage = fixture.CreateStorage(GrainStateFormat.Binary);
        var grain = NewGrain();
        var state = new GrainState<List<string>>(["one"]);
        await storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);
        var stale = new GrainState<List<string>>(["stale"]) { ETag = state.ETag };
        await storage.WriteStateAsync(StateName, grain, state, CancellationToken.None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, stale, CancellationToken.None));
    }

    [Fact]
    public async Task Reading_an_undecodable_binary_row_throws_naming_grain_state_and_table()
    {
        var grain = NewGrain();

        // A real payload cut short, as a torn write or a hand edit would leave it.
        var whole = fixture.Serializer.SerializeToArray(new List<string> { "alpha", "beta", "gamma" });
        await fixture.ExecuteAsync(
            "INSERT INTO grain_storage (service_id, grain_type, grain_key, state_name, payload_binary, version) VALUES ($1, $2, $3, 'broken', $4, 1)",
            fixture.ServiceId, grain.Type, grain.Key, whole[..^4]);

        var error = await Assert.ThrowsAsync<SerializationException>(() => fixture.CreateStorage(GrainStateFormat.Binary)
            .ReadStateAsync("broken", grain, new GrainState<List<string>>([]), CancellationToken.None));

        Assert.Contains(grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("state 'broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("grain_storage", error.Message, StringComparison.Ordinal);
    }

    private static GrainId NewGrain() => GrainId.Create("counter", Guid.NewGuid().ToString("N"));
}
