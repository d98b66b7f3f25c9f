using System.Data;
using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Streams;

internal sealed partial class PostgresStreamQueueStore
{
    /// <summary>
    /// Up to <paramref name="maxRows"/> rows of the queue with seq above <paramref name="afterSeq"/>, in seq order.
    /// The caller owns the result and disposes it once the payloads are consumed.
    /// </summary>
    public async Task<QueueRows> ReadAsync(string provider, int queueId, long afterSeq, int maxRows, CancellationToken cancellationToken)
    {
        ValidateQueue(provider, queueId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.Read);
        AddQueue(command, provider, queueId);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSeq });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxRows });
        return await ReadRowsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Rewind: up to <paramref name="maxRows"/> rows of one stream with seq at or above <paramref name="fromSeq"/>, in
    /// seq order, whether acknowledged or not. Rows retention already deleted are gone: compare
    /// <paramref name="fromSeq"/> with <see cref="QueueState.TrimmedSeq"/> to know whether the history is complete.
    /// </summary>
    public async Task<QueueRows> ReadStreamAsync(
        string provider, int queueId, string streamNamespace, string streamKey, long fromSeq, int maxRows, CancellationToken cancellationToken)
    {
        ValidateQueue(provider, queueId);
        ArgumentNullException.ThrowIfNull(streamNamespace);
        ArgumentNullException.ThrowIfNull(streamKey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.ReadStream);
        AddQueue(command, provider, queueId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamNamespace });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamKey });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromSeq });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxRows });
        return await ReadRowsAsync(command, cancellationToken);
    }

    // Sequential access streams each payload from the socket straight into the pooled buffer instead of first
    // buffering the whole row; in that mode every column is read in order and asynchronously, since a column may
    // not have arrived yet.
    private static async Task<QueueRows> ReadRowsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new QueueRows();
        var complete = false;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var seq = await reader.GetFieldValueAsync<long>(0, cancellationToken);
                var streamNamespace = await reader.GetFieldValueAsync<string>(1, cancellationToken);
                var streamKey = await reader.GetFieldValueAsync<string>(2, cancellationToken);
                var eventCount = await reader.GetFieldValueAsync<int>(3, cancellationToken);
                var enqueuedAt = await reader.GetFieldValueAsync<DateTimeOffset>(4, cancellationToken);
                await using var payload = await reader.GetStreamAsync(5, cancellationToken);
                var length = checked((int)payload.Length);
                await payload.ReadExactlyAsync(rows.Reserve(length), cancellationToken);
                rows.Add(seq, streamNamespace, streamKey, eventCount, enqueuedAt, length);
            }

            complete = true;
            return rows;
        }
        finally
        {
            if (!complete)
            {
                rows.Dispose();
            }
        }
    }
}
