using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Streams;

internal sealed partial class PostgresStreamQueueStore
{
    /// <summary>
    /// Retention: deletes up to <paramref name="maxRows"/> rows of the queue, lowest seqs first, that are acknowledged
    /// (at or below the stored checkpoint, read in the same statement), enqueued before <paramref name="olderThan"/>
    /// and at or below <paramref name="upToSeq"/> (<see cref="long.MaxValue"/>: no further bound). Returns how many
    /// it deleted; a caller with a backlog to clear calls again while that equals <paramref name="maxRows"/>, so no
    /// single statement holds locks on a huge range. Records the highest deleted seq as the queue's trimmed seq.
    /// </summary>
    public async Task<int> TrimAsync(
        string provider, int queueId, DateTimeOffset olderThan, long upToSeq, int maxRows, CancellationToken cancellationToken)
    {
        ValidateQueue(provider, queueId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.Trim);
        AddQueue(command, provider, queueId);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = olderThan.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upToSeq });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxRows });
        var deleted = (int)(await command.ExecuteScalarAsync(cancellationToken) as long? ?? 0);
        if (deleted > 0)
        {
            LogTrimmed(logger, provider, queueId, deleted);
        }

        return deleted;
    }
}
