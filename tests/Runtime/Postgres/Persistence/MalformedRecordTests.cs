using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

public sealed class MalformedRecordTests(GrainStorageFixture fixture) : IClassFixture<GrainStorageFixture>
{
    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("{\"Count\": \"not a number\", \"Label\": \"x\", \"Tags\": []}")]
    public async Task Reading_an_undecodable_json_row_throws_naming_grain_state_and_table(string json)
    {
        var grain = GrainId.Create("counter", Guid.NewGuid().ToString("N"));
        await fixture.ExecuteAsync(
            "INSERT INTO grain_storage (service_id, grain_type, grain_key, state_name, payload_json, version) VALUES ($1, $2, $3, 'broken', $4::jsonb, 3)",
            fixture.ServiceId, grain.Type, grain.Key, json);
        var state = new GrainState<CounterState>(CounterState.Empty);

        var error = await Assert.ThrowsAsync<SerializationException>(
            () => fixture.CreateStorage().ReadStateAsync("broken", grain, state, CancellationToken.None));

        Assert.Contains(grain.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("state 'broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("grain_storage", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 3", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
    }
}
