using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Postgres.Migrations;
using TgeSwarm.Runtime.Postgres.Reminders;

namespace TgeSwarm.Runtime.Postgres.Tests.Reminders;

/// <summary>The reminder table on the real server, each test in a scratch schema migrated by the runtime's own scripts.</summary>
public sealed class PostgresReminderTableTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    private ScratchSchema _schema = null!;
    private PostgresDatabases _databases = null!;
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _schema = await ScratchSchema.CreateAsync();
        _databases = new PostgresDatabases(NullLoggerFactory.Instance);
        _database = _databases.Get(_schema.ConnectionString);
        await _database.EnsureMigratedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _databases.DisposeAsync();
        await _schema.DisposeAsync();
    }

    [Fact]
    public async Task The_migration_creates_the_table_its_hash_index_and_the_version_sequence()
    {
        Assert.Equal(1L, await _schema.ScalarAsync<long>($"SELECT count(*) FROM pg_tables WHERE schemaname = '{_schema.Name}' AND tablename = 'swarm_reminders'"));
        Assert.Equal(1L, await _schema.ScalarAsync<long>($"SELECT count(*) FROM pg_indexes WHERE schemaname = '{_schema.Name}' AND indexname = 'swarm_reminders_by_hash'"));
        Assert.Equal(1L, await _schema.ScalarAsync<long>($"SELECT count(*) FROM pg_sequences WHERE schemaname = '{_schema.Name}' AND sequencename = 'swarm_reminders_version'"));
        Assert.Contains(EmbeddedMigrations.Load(), m => m.Name == "0004_reminders.sql");
    }

    [Fact]
    public async Task Of_concurrent_upserts_expecting_one_version_exactly_one_wins()
    {
        var table = Table("svc");
        var entry = Entry("race", "r");
        var etag = await table.UpsertRowAsync(entry, null, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Table("svc").UpsertRowAsync(entry with { Period = TimeSpan.FromMinutes(i) }, etag, CancellationToken.None)));

        var winner = Assert.Single(results, static r => r is not null);
        var stored = await table.ReadRowAsync(entry.GrainId, "r", CancellationToken.None);
        Assert.Equal(winner, stored!.ETag);
        Assert.Equal(TimeSpan.FromMinutes(Array.IndexOf(results, winner) + 1), stored.Period);
    }

    [Fact]
    public async Task Of_concurrent_inserts_exactly_one_wins()
    {
        var entry = Entry("insert-race", "r");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Table("svc").UpsertRowAsync(entry, null, CancellationToken.None)));

        Assert.Single(results, static r => r is not null);
    }

    [Fact]
    public async Task Service_ids_partition_the_table()
    {
        var mine = Table("mine");
        var theirs = Table("theirs");
        var entry = Entry("shared", "r");
        await mine.UpsertRowAsync(entry, null, CancellationToken.None);

        Assert.Null(await theirs.ReadRowAsync(entry.GrainId, "r", CancellationToken.None));
        Assert.Empty(await theirs.ReadRowsAsync([ReminderRange.FullRing], CancellationToken.None));
        Assert.NotNull(await theirs.UpsertRowAsync(entry with { Period = TimeSpan.FromHours(1) }, null, CancellationToken.None));
        Assert.Equal(TimeSpan.FromMinutes(1), (await mine.ReadRowAsync(entry.GrainId, "r", CancellationToken.None))!.Period);
    }

    [Fact]
    public async Task A_wrapped_range_reads_both_ends_of_the_ring_and_nothing_between()
    {
        var table = Table("svc");
        var entries = Enumerable.Range(0, 30).Select(i => Entry($"w{i}", "r")).OrderBy(static e => e.GrainHash).ToArray();
        foreach (var entry in entries)
        {
            await table.UpsertRowAsync(entry, null, CancellationToken.None);
        }

        var rows = await table.ReadRowsAsync([new ReminderRange(entries[27].GrainHash, entries[1].GrainHash)], CancellationToken.None);

        Assert.Equal(
            new[] { entries[0], entries[1], entries[28], entries[29] }.Select(static e => e.GrainId).Order(),
            rows.Select(static r => r.GrainId).Order());
    }

    [Fact]
    public async Task A_row_stores_its_grain_hash_as_an_unsigned_ring_position()
    {
        var table = Table("svc");
        var entry = Enumerable.Range(0, 100).Select(i => Entry($"h{i}", "r")).First(static e => e.GrainHash > int.MaxValue);
        await table.UpsertRowAsync(entry, null, CancellationToken.None);

        await using var command = _schema.DataSource.CreateCommand("SELECT grain_hash, grain_id FROM swarm_reminders WHERE grain_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.GrainId.ToString() });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((long)entry.GrainHash, reader.GetInt64(0));
        Assert.Equal(entry.GrainId.ToString(), reader.GetString(1));
    }

    [Fact]
    public void Ranges_are_split_so_none_wraps_and_the_whole_ring_is_one_span()
    {
        var (lows, highs) = PostgresReminderTable.Split([new ReminderRange(10, 20), new ReminderRange(4_000_000_000, 5), ReminderRange.FullRing]);

        Assert.Equal([10L, 4_000_000_000L, -1L, -1L], lows);
        Assert.Equal([20L, uint.MaxValue, 5L, uint.MaxValue], highs);
    }

    [Fact]
    public async Task An_ETag_this_table_did_not_write_matches_nothing_and_throws_nothing()
    {
        var table = Table("svc");
        var entry = Entry("foreign", "r");
        await table.UpsertRowAsync(entry, null, CancellationToken.None);

        Assert.Null(await table.UpsertRowAsync(entry, "not-a-version", CancellationToken.None));
        Assert.False(await table.RemoveRowAsync(entry.GrainId, "r", "-3", CancellationToken.None));
        Assert.False(await table.RecordTickAsync(entry.GrainId, "r", "", Start, CancellationToken.None));
    }

    private PostgresReminderTable Table(string serviceId) => new(_database, serviceId, NullLogger<PostgresReminderTable>.Instance);

    private static ReminderEntry Entry(string key, string name) => new()
    {
        GrainId = GrainId.Create("reminded", key),
        ReminderName = name,
        StartAt = Start,
        Period = TimeSpan.FromMinutes(1),
        DueTime = TimeSpan.FromMinutes(1),
    };
}
