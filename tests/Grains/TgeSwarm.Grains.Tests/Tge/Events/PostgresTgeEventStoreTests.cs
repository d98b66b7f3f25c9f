using Microsoft.Extensions.Logging.Abstractions;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary>The store contract against the real PostgreSQL of TGESWARM_TEST_POSTGRES, each test in a migrated schema of its own.</summary>
public sealed class PostgresTgeEventStoreTests : TgeEventStoreContract, IAsyncLifetime
{
    private HistoryDatabase _database = null!;
    private PostgresTgeEventStore? _store;

    public async Task InitializeAsync() => _database = await HistoryDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    protected override Task<ITgeEventStore> StoreAsync()
    {
        _store = new PostgresTgeEventStore(_database.ConnectionString, NullLoggerFactory.Instance);
        return Task.FromResult<ITgeEventStore>(_store);
    }

    [Fact]
    public async Task A_record_is_one_row_with_its_sightings_as_a_jsonb_array()
    {
        var store = await StoreAsync();

        await store.SaveAsync(Record("foo", T0, sightings: 3), CancellationToken.None);
        await store.SaveAsync(Record("foo", T0, sightings: 4) with { Version = 2 }, CancellationToken.None);

        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM tge_events"));
        Assert.Equal(4, await _database.ScalarAsync<int>("SELECT jsonb_array_length(sightings) FROM tge_events WHERE token_slug = 'foo'"));
        Assert.Equal("zh-CN", await _database.ScalarAsync<string>("SELECT sightings->1->>'language' FROM tge_events"));
        Assert.Equal("Listing", await _database.ScalarAsync<string>("SELECT sightings->0->>'kind' FROM tge_events"));
    }
}
