using TgeSwarm.Runtime.Postgres.Migrations;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class StreamMigrationTests : IAsyncLifetime
{
    private static readonly string[] Tables =
        ["stream_queue_head", "stream_queue", "stream_queue_checkpoint", "stream_subscription_progress", "stream_dead_letter"];

    private ScratchSchema _schema = null!;

    public async Task InitializeAsync() => _schema = await ScratchSchema.CreateAsync();

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task The_stream_migration_applies_cleanly_on_an_empty_schema_and_creates_its_tables_there()
    {
        var logger = new RecordingLogger<PostgresMigrator>();

        await new PostgresMigrator(_schema.DataSource, EmbeddedMigrations.Load(), logger).MigrateAsync(CancellationToken.None);

        Assert.Equal("0005_streams.sql", await _schema.ScalarAsync<string>("SELECT name FROM schema_migrations WHERE version = 5"));
        foreach (var table in Tables)
        {
            Assert.Equal(_schema.Name, await _schema.ScalarAsync<string>(
                $"SELECT relnamespace::regnamespace::text FROM pg_class WHERE oid = to_regclass('{table}')"));
        }

        Assert.Equal(1L, await _schema.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'stream_queue_stream_idx'"));
    }

    [Fact]
    public async Task The_stream_script_run_again_by_hand_changes_nothing()
    {
        // Migrations must be idempotent so a database prepared with psql is adopted (0001's rule).
        await new PostgresMigrator(_schema.DataSource, EmbeddedMigrations.Load(), new RecordingLogger<PostgresMigrator>()).MigrateAsync(CancellationToken.None);
        var script = EmbeddedMigrations.Load().Single(s => s.Version == 5);

        await using var command = _schema.DataSource.CreateCommand(script.Sql);
        await command.ExecuteNonQueryAsync();

        Assert.Equal((long)Tables.Length, await _schema.ScalarAsync<long>(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'stream%'"));
    }
}
