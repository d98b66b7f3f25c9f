using Npgsql;
using TgeSwarm.Runtime.Postgres.Migrations;

namespace TgeSwarm.Runtime.Postgres.Tests.Migrations;

/// <summary>
/// The migration lock never outlives a migration on a pooled session, even one the pool does not reset (as the
/// runtime's pools do not): each test migrates through a one-connection pool with No Reset On Close, so the session
/// the migrator used is the one the test looks at afterwards.
/// </summary>
public sealed class MigrationLockTests : IAsyncLifetime
{
    private ScratchSchema _schema = null!;
    private NpgsqlDataSource _oneSession = null!;

    public async Task InitializeAsync()
    {
        _schema = await ScratchSchema.CreateAsync();
        _oneSession = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_schema.ConnectionString)
        {
            MaxPoolSize = 1,
            NoResetOnClose = true,
        }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _oneSession.DisposeAsync();
        await _schema.DisposeAsync();
    }

    [Fact]
    public async Task A_successful_migration_leaves_no_advisory_lock_on_its_pooled_session()
    {
        var session = await BackendProcessIdAsync();

        await Migrator(MigrationScript.Create("0002_table.sql", "CREATE TABLE t (id int);")).MigrateAsync(CancellationToken.None);

        Assert.Equal(session, await BackendProcessIdAsync());
        Assert.Equal(0L, await AdvisoryLocksHeldByAsync(session));
    }

    [Fact]
    public async Task A_failing_script_leaves_no_advisory_lock_on_its_pooled_session()
    {
        var session = await BackendProcessIdAsync();
        var migrator = Migrator(MigrationScript.Create("0002_failing.sql", "SELECT 1 / 0;"));

        await Assert.ThrowsAsync<PostgresException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Equal(session, await BackendProcessIdAsync());
        Assert.Equal(0L, await AdvisoryLocksHeldByAsync(session));
    }

    [Fact]
    public async Task A_migration_cancelled_inside_a_script_leaves_no_advisory_lock_and_records_nothing()
    {
        var session = await BackendProcessIdAsync();

        // Wherever the cancellation lands (taking the lock, reading the history or, almost always, the sleep), the
        // outcome asserted is the same.
        var migrator = Migrator(MigrationScript.Create("0002_slow.sql", "SELECT pg_sleep(60);"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => migrator.MigrateAsync(cancel.Token).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(0L, await AdvisoryLocksHeldByAsync(session));
        Assert.Equal(0L, await _schema.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE version = 2"));
    }

    private PostgresMigrator Migrator(MigrationScript script) =>
        new(_oneSession, [EmbeddedMigrations.Load()[0], script], new RecordingLogger<PostgresMigrator>());

    private async Task<int> BackendProcessIdAsync()
    {
        await using var command = _oneSession.CreateCommand("SELECT pg_backend_pid()");
        return (int)(await command.ExecuteScalarAsync())!;
    }

    // Asked on the one pooled session itself, which is the migrator's unless the cancellation broke it (then it is a
    // new session, and the old one's locks died with it).
    private async Task<long> AdvisoryLocksHeldByAsync(int processId)
    {
        await using var command = _oneSession.CreateCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = processId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
