using System.Data;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using TgeSwarm.Runtime.Persistence;

namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>
/// Grain state in the <c>grain_storage</c> table of <c>db/migrations/0002_grain_storage.sql</c>.
/// <para>
/// Optimistic concurrency: the row's <c>version</c> is the ETag. A write with a null ETag inserts and succeeds only
/// if no row exists; a write with an ETag updates only the row still at that version; a clear deletes likewise.
/// Every conflict is one conditional statement that affects zero rows, answered with
/// <see cref="InconsistentStateException"/> naming the stored and expected versions; nothing is changed. There
/// is no read-modify-write window: the database's row lock decides between concurrent writers.
/// </para>
/// <para>
/// Every operation first makes sure the schema is migrated (once per database per silo). Outages surface as
/// Npgsql exceptions, bounded by the connection string's Timeout and Command Timeout; an undecodable row surfaces
/// as <see cref="SerializationException"/> naming the grain, state and table.
/// </para>
/// </summary>
internal sealed partial class PostgresGrainStorage(
    string name,
    PostgresDatabase database,
    string serviceId,
    GrainStatePayloadCodec codec,
    ILogger<PostgresGrainStorage> logger) : IGrainStorage
{
    private readonly StateWriteCommands _writes = new(database.DataSource, serviceId);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(GrainStorageSql.Read);
        AddKey(command, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var payload = new GrainStatePayload(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1));
        var version = reader.GetInt64(2);
        grainState.State = Decode<T>(stateName, grainId, payload, version);
        grainState.ETag = FormatETag(version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        ValidateKey(stateName, grainId);
        var expected = ParseETag(stateName, grainId, grainState.ETag);
        var payload = codec.Encode(grainState.State);
        await database.EnsureMigratedAsync(cancellationToken);

        // Renting here rather than in a helper saves an async frame per write; a command whose write threw is not
        // lent out again.
        var command = _writes.Rent(update: expected is not null);
        var reusable = false;
        long? result;
        try
        {
            result = await command.ExecuteAsync(grainId, stateName, payload, expected ?? 0, cancellationToken);
            reusable = true;
        }
        finally
        {
            await _writes.ReturnAsync(command, reusable);
        }

        if (result is not { } written)
        {
            throw await ConflictAsync("write", stateName, grainId, grainState.ETag, cancellationToken);
        }

        grainState.ETag = FormatETag(written);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = ParseETag(stateName, grainId, grainState.ETag);
        await database.EnsureMigratedAsync(cancellationToken);
        if (expected is { } version)
        {
            await using var command = database.DataSource.CreateCommand(GrainStorageSql.Delete);
            AddKey(command, stateName, grainId);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
            if (await command.ExecuteScalarAsync(cancellationToken) is null)
            {
                throw await ConflictAsync("clear", stateName, grainId, grainState.ETag, cancellationToken);
            }
        }
        else if (await ReadVersionAsync(stateName, grainId, cancellationToken) is not null)
        {
            // A null ETag claims there is no record; clearing one that exists would discard a write this
            // activation never saw.
            throw await ConflictAsync("clear", stateName, grainId, grainState.ETag, cancellationToken);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static void ValidateKey(string stateName, GrainId grainId)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        if (grainId.IsDefault)
        {
            throw new ArgumentException("A grain id is required.", nameof(grainId));
        }
    }

    private void AddKey(NpgsqlCommand command, string stateName, GrainId grainId)
    {
        ValidateKey(stateName, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
    }

    private T Decode<T>(string stateName, GrainId grainId, GrainStatePayload payload, long version)
    {
        try
        {
            return codec.Decode<T>(payload);
        }
        catch (Exception ex) when (ex is JsonException or SerializationException)
        {
            throw new SerializationException(
                $"Grain storage '{name}' cannot decode state '{stateName}' of grain {grainId} (service '{serviceId}', table " +
                $"{GrainStorageSql.Table}, version {version}) as {typeof(T).Name}: {ex.Message}",
                ex);
        }
    }

    private async Task<long?> ReadVersionAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(GrainStorageSql.ReadVersion);
        AddKey(command, stateName, grainId);
        return await command.ExecuteScalarAsync(cancellationToken) as long?;
    }

    // Called only after the conditional statement matched nothing, so the extra round trip costs the conflict path
    // alone. The version read here may already have moved on again; it is for the message, not for a decision.
    private async Task<InconsistentStateException> ConflictAsync(
        string operation, string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        var stored = await ReadVersionAsync(stateName, grainId, cancellationToken);
        var storedText = stored is { } v ? FormatETag(v) : "none (no record)";
        var expectedText = expectedETag ?? "none (no record)";
        LogConflict(logger, operation, name, stateName, grainId, storedText, expectedText);
        return new InconsistentStateException(
            $"Grain storage '{name}' refused to {operation} state '{stateName}' of grain {grainId}: stored version is " +
            $"{storedText}, expected version was {expectedText}. Another activation or writer changed it since it was read.");
    }

    private long? ParseETag(string stateName, GrainId grainId, string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        if (long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            return version;
        }

        throw new InconsistentStateException(
            $"Grain storage '{name}' cannot use ETag '{etag}' for state '{stateName}' of grain {grainId}: it is not a version this provider wrote.");
    }

    private static string FormatETag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
