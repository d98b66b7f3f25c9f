using Npgsql;
using TgeSwarm.Runtime.Postgres.Migrations;

namespace TgeSwarm.Runtime.Postgres;

/// <summary>
/// One database as the providers see it: the pooled <see cref="NpgsqlDataSource"/> for its connection string and
/// the one-shot that migrates it before first use. A failed migration is not remembered, so the next call retries
/// (the database may simply not have been up yet).
/// </summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource, PostgresMigrator migrator) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>Completes once the schema is current; after the first success it costs one volatile read.</summary>
    public ValueTask EnsureMigratedAsync(CancellationToken cancellationToken) =>
        _migrated ? ValueTask.CompletedTask : MigrateOnceAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _migrationGate.Dispose();
        return DataSource.DisposeAsync();
    }

    public void Dispose()
    {
        _migrationGate.Dispose();
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
