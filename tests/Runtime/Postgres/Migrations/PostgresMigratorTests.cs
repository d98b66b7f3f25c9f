using Npgsql;
using TgeSwarm.Runtime.Postgres.Migrations;

namespace TgeSwarm.Runtime.Postgres.Tests.Migrations;

/// <summary>Each test migrates an empty schema of its own (see <see cref="ScratchSchema"/>).</summary>
public sealed class PostgresMigratorTests : IAsyncLifetime
{
    // A script with a visible side effect: every run of it adds a row, so "applied once" is countable.
    private static readonly MigrationScript Counter = MigrationScript.Create(
        "0002_counter.sql", "CREATE TABLE IF NOT EXISTS applied_count (n int);\nINSERT INTO applied_count VALUES (1);\n");

    private ScratchSchema _schema = null!;

    public async Task InitializeAsync() => _schema = await ScratchSchema.CreateAsync();

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Migrate_applies_every_embedded_script_and_records_its_checksum()
    {
        var scripts = EmbeddedMigrations.Load();
        var logger = new RecordingLogger<PostgresMigrator>();

        await new PostgresMigrator(_schema.DataSource, scripts, logger).MigrateAsync(CancellationToken.None);

        foreach (var script in scripts)
        {
            var checksum = await _schema.ScalarAsync<string>($"SELECT checksum FROM schema_migrations WHERE version = {script.Version}");
            Assert.Equal(script.Checksum, checksum);
        }

        Assert.Equal(scripts.Count, logger.Count(PostgresEventIds.MigrationApplied));
        Assert.Equal(_schema.Name, await _schema.ScalarAsync<string>(
            "SELECT relnamespace::regnamespace::text FROM pg_class WHERE oid = to_regclass('grain_storage')"));
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        var scripts = Scripts(Counter);
        await new PostgresMigrator(_schema.DataSource, scripts, new RecordingLogger<PostgresMigrator>()).MigrateAsync(CancellationToken.None);
        var firstAppliedAt = await _schema.ScalarAsync<DateTime>("SELECT applied_at FROM schema_migrations WHERE version = 2");
        var second = new RecordingLogger<PostgresMigrator>();

        await new PostgresMigrator(_schema.DataSource, scripts, second).MigrateAsync(CancellationToken.None);

        Assert.Equal(1L, await _schema.ScalarAsync<long>("SELECT count(*) FROM applied_count"));
        Assert.Equal(firstAppliedAt, await _schema.ScalarAsync<DateTime>("SELECT applied_at FROM schema_migrations WHERE version = 2"));
        Assert.Equal(0, second.Count(PostgresEventIds.MigrationApplied));
        Assert.Equal(1, second.Count(PostgresEventIds.MigrationsUpToDate));
    }

    [Fact]
    public async Task Four_migrators_starting_at_once_apply_each_script_once()
    {
        var scripts = Scripts(Counter);
        var dataSources = Enumerable.Range(0, 4).Select(_ => _schema.NewDataSource()).ToArray();
        try
        {
            var loggers = dataSources.Select(_ => new RecordingLogger<PostgresMigrator>()).ToArray();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var runs = dataSources.Select((dataSource, i) => Task.Run(async () =>
            {
                await start.Task;
                await new PostgresMigrator(dataSource, scripts, loggers[i]).MigrateAsync(CancellationToken.None);
            })).ToArray();
            start.SetResult();

            await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1L, await _schema.ScalarAsync<long>("SELECT count(*) FROM applied_count"));
            Assert.Equal(2L, await _schema.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
            Assert.Equal(scripts.Count, loggers.Sum(l => l.Count(PostgresEventIds.MigrationApplied)));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_script_changed_after_it_was_applied_fails_naming_it_and_applies_nothing_new()
    {
        await new PostgresMigrator(_schema.DataSource, Scripts(Counter), new RecordingLogger<PostgresMigrator>()).MigrateAsync(CancellationToken.None);
        var edited = MigrationScript.Create(Counter.Name, Counter.Sql + "INSERT INTO applied_count VALUES (2);\n");
        var next = MigrationScript.Create("0003_next.sql", "CREATE TABLE next_table (id int);");
        var migrator = new PostgresMigrator(_schema.DataSource, Scripts(edited, next), new RecordingLogger<PostgresMigrator>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains("'0002_counter.sql' was changed after it was applied", error.Message, StringComparison.Ordinal);
        Assert.Contains(Counter.Checksum, error.Message, StringComparison.Ordinal);
        Assert.Contains(edited.Checksum, error.Message, StringComparison.Ordinal);
        Assert.Null(await _schema.ScalarAsync<string>("SELECT to_regclass('next_table')::text"));
    }

    [Fact]
    public async Task A_tampered_checksum_in_the_history_fails_start_up()
    {
        var scripts = Scripts(Counter);
        await new PostgresMigrator(_schema.DataSource, scripts, new RecordingLogger<PostgresMigrator>()).MigrateAsync(CancellationToken.None);
        await _schema.ScalarAsync<int>("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 2");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new PostgresMigrator(_schema.DataSource, scripts, new RecordingLogger<PostgresMigrator>()).MigrateAsync(CancellationToken.None));

        Assert.Contains("recorded checksum tampered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_script_rolls_back_alone_and_the_next_run_retries_it()
    {
        var failing = MigrationScript.Create("0003_failing.sql", "CREATE TABLE half_done (id int);\nSELECT 1 / 0;\n");
        var migrator = new PostgresMigrator(_schema.DataSource, Scripts(Counter, failing), new RecordingLogger<PostgresMigrator>());

        var error = await Assert.ThrowsAsync<PostgresException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.DivisionByZero, error.SqlState);
        Assert.Equal(2, await _schema.ScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
        Assert.Null(await _schema.ScalarAsync<string>("SELECT to_regclass('half_done')::text"));

        var fixedScript = MigrationScript.Create("0003_failing.sql", "CREATE TABLE half_done (id int);\n");
        await new PostgresMigrator(_schema.DataSource, Scripts(Counter, fixedScript), new RecordingLogger<PostgresMigrator>()).MigrateAsync(CancellationToken.None);
        Assert.Equal(3, await _schema.ScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_schema_applied_by_hand_with_psql_is_adopted_and_recorded()
    {
        var scripts = EmbeddedMigrations.Load();
        foreach (var script in scripts)
        {
            await _schema.ScalarAsync<int>(script.Sql);
        }

        var logger = new RecordingLogger<PostgresMigrator>();
        await new PostgresMigrator(_schema.DataSource, scripts, logger).MigrateAsync(CancellationToken.None);

        Assert.Equal((long)scripts.Count, await _schema.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    private static List<MigrationScript> Scripts(params MigrationScript[] extra) =>
        [EmbeddedMigrations.Load()[0], .. extra];
}
