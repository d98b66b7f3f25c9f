using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Postgres.Streams;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

/// <summary>
/// A queue store on an empty schema of its own (<see cref="ScratchSchema"/>), migrated the way a silo migrates,
/// with a manual clock and a recording logger. Its sessions carry an application name of their own, so a test can
/// find them in pg_stat_activity. Dropped on dispose.
/// </summary>
internal sealed class StreamStore : IAsyncDisposable
{
    public const string Provider = "pgs";

    private readonly PostgresDatabases _databases = new(NullLoggerFactory.Instance);

    private StreamStore(ScratchSchema schema)
    {
        Schema = schema;
        ApplicationName = "pgq-" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { ApplicationName = ApplicationName }.ConnectionString;
        Database = _databases.Get(connectionString);
        Store = CreateStore("svc");
    }

    public ScratchSchema Schema { get; }

    public string ApplicationName { get; }

    public ManualClock Clock { get; } = new();

    public RecordingLogger<PostgresStreamQueueStore> Logger { get; } = new();

    public PostgresDatabase Database { get; }

    public PostgresStreamQueueStore Store { get; }

    public static async Task<StreamStore> CreateAsync()
    {
        var store = new StreamStore(await ScratchSchema.CreateAsync());
        await store.Database.EnsureMigratedAsync(CancellationToken.None);
        return store;
    }

    /// <summary>Another service's store on the same tables.</summary>
    public PostgresStreamQueueStore CreateStore(string serviceId) => new(Database, serviceId, Clock, Logger);

    public async ValueTask DisposeAsync()
    {
        await _databases.DisposeAsync();
        await Schema.DisposeAsync();
    }
}
