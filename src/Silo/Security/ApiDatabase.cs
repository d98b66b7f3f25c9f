using Npgsql;
using TgeSwarm.Runtime.Postgres;

namespace TgeSwarm.Silo.Security;

/// <summary>
/// The API's PostgreSQL (keys and audit, <c>db/migrations/0008_api_keys_audit.sql</c>) on the cluster's connection
/// string. The schema is brought up to date before the first command: the silo's providers migrate the same
/// database, but the API may answer before they have, and migrating twice is a no-op.
/// </summary>
internal sealed class ApiDatabase(string connectionString, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(loggers).Build();
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_migrated)
        {
            await MigrateOnceAsync(cancellationToken);
        }

        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _migrationGate.Dispose();
        await _dataSource.DisposeAsync();
    }

    private async Task MigrateOnceAsync(CancellationToken cancellationToken)
    {
        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await PostgresSchema.MigrateAsync(connectionString, loggers, cancellationToken);
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }
}
