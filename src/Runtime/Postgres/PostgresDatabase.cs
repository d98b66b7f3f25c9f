using Npgsql;
using TgeSwarm.Runtime.Postgres.Migrations;

namespace TgeSwarm.Runtime.Postgres;

/// <summary>
/// One database as the providers see it: the pooled <see cref="NpgsqlDataSource"/> for its connection string, the
/// unpooled one for connections that carry session state, and the one-shot that migrates the database before first
/// use. A failed migration is not remembered, so the next call retries (the database may simply not have been up yet).
/// </summary>
/// <remarks>
/// The pool's sessions are not reset when a connection goes back to it (see <see cref="PostgresDatabases"/>): a
/// command borrowed from <see cref="DataSource"/> must leave the session as it found it — no LISTEN, SET, temporary
/// table or session-level advisory lock (transactions are fine: an open one is rolled back before the connection is
/// pooled). Whatever needs such state takes a connection of its own from <see cref="OpenSessionConnectionAsync"/>.
/// </remarks>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource, NpgsqlDataSource sessionDataSource, PostgresMigrator migrator)
    : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>The shared pool, for single statements and transactions that leave no session state behind.</summary>
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>
    /// Opens a connection that is never pooled: disposing it ends its session and everything the session held
    /// (LISTEN registrations, session locks, settings). For long-lived, stateful sessions such as a LISTEN.
    /// </summary>
    public ValueTask<NpgsqlConnection> OpenSessionConnectionAsync(CancellationToken cancellationToken) =>
        sessionDataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Completes once the schema is current; after the first success it costs one volatile read.</summary>
    public ValueTask EnsureMigratedAsync(CancellationToken cancellationToken) =>
        _migrated ? ValueTask.CompletedTask : MigrateOnceAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _migrationGate.Dispose();
        await sessionDataSource.DisposeAsync();
        await DataSource.DisposeAsync();
    }

    public void Dispose()
    {
        _migrationGate.Dispose();
        sessionDataSource.Dispose();
        DataSource.Dispose();
    }

    private async ValueTask MigrateOnceAsync(CancellationToken cancellationToken)
    {
        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await migrator.MigrateAsync(cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }
}
