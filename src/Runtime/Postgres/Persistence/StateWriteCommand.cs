using Npgsql;
using NpgsqlTypes;

namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>
/// The insert or the versioned update of one state, as objects that outlive one write: a command, its typed
/// parameters and a connection object, bound afresh for each write (see <see cref="StateWriteCommands"/>). Each
/// execution opens the connection, which borrows a session from the data source's pool, and closes it again, so a
/// command pins no session between writes.
/// </summary>
internal sealed class StateWriteCommand : IAsyncDisposable
{
    private readonly NpgsqlCommand _command;
    private readonly NpgsqlParameter<string> _grainType = new();
    private readonly NpgsqlParameter<string> _grainKey = new();
    private readonly NpgsqlParameter<string> _stateName = new();
    private readonly NpgsqlParameter<byte[]?> _json = new() { NpgsqlDbType = NpgsqlDbType.Jsonb };
    private readonly NpgsqlParameter<byte[]?> _binary = new() { NpgsqlDbType = NpgsqlDbType.Bytea };
    private readonly NpgsqlParameter<long>? _version;

    /// <param name="dataSource">The pool each execution borrows a session from.</param>
    /// <param name="serviceId">The first key column, the same for every write of a provider.</param>
    /// <param name="update">The versioned update (<see cref="GrainStorageSql.Update"/>, with the expected version as $7) rather than the insert.</param>
    public StateWriteCommand(NpgsqlDataSource dataSource, string serviceId, bool update)
    {
        _command = new NpgsqlCommand(update ? GrainStorageSql.Update : GrainStorageSql.Insert, dataSource.CreateConnection());
        _command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        _command.Parameters.Add(_grainType);
        _command.Parameters.Add(_grainKey);
        _command.Parameters.Add(_stateName);
        _command.Parameters.Add(_json);
        _command.Parameters.Add(_binary);
        if (update)
        {
            _version = new NpgsqlParameter<long>();
            _command.Parameters.Add(_version);
        }
    }

    public bool IsUpdate => _version is not null;

    /// <summary>Runs the statement for one state; the version written, or null when the row was not at <paramref name="expected"/> (or, for the insert, already existed).</summary>
    public async Task<long?> ExecuteAsync(GrainId grainId, string stateName, GrainStatePayload payload, long expected, CancellationToken cancellationToken)
    {
        _grainType.TypedValue = grainId.Type;
        _grainKey.TypedValue = grainId.Key;
        _stateName.TypedValue = stateName;
        _json.TypedValue = payload.Json;
        _binary.TypedValue = payload.Binary;
        if (_version is not null)
        {
            _version.TypedValue = expected;
        }

        var connection = _command.Connection!;
        await connection.OpenAsync(cancellationToken);
        try
        {
            return await _command.ExecuteScalarAsync(cancellationToken) as long?;
        }
        finally
        {
            await connection.CloseAsync();

            // An idle command must not keep a (possibly large) state alive.
            _json.TypedValue = null;
            _binary.TypedValue = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var connection = _command.Connection;
        await _command.DisposeAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
