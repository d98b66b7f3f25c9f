using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Streams;

internal sealed partial class PostgresStreamQueueStore
{
    /// <summary>
    /// Sets an event aside that a consumer kept failing on and returns the letter's id. Writing the same
    /// (subscription, queue, seq, event index) again, as a successor agent replaying after a crash would, updates
    /// that letter: its attempts add up, the latest error and payload win.
    /// </summary>
    public async Task<long> DeadLetterAsync(string provider, StreamDeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ValidateQueue(provider, letter.QueueId);
        ArgumentNullException.ThrowIfNull(letter.StreamNamespace, nameof(letter));
        ArgumentNullException.ThrowIfNull(letter.StreamKey, nameof(letter));
        ArgumentNullException.ThrowIfNull(letter.Consumer, nameof(letter));
        ArgumentNullException.ThrowIfNull(letter.LastError, nameof(letter));
        ArgumentOutOfRangeException.ThrowIfNegative(letter.EventIndex, nameof(letter));

        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.DeadLetter);
        AddQueue(command, provider, letter.QueueId);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = letter.Seq });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = letter.EventIndex });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.StreamNamespace });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.StreamKey });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = letter.SubscriptionId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.Consumer });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = letter.EventCount });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = letter.Attempts });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = letter.LastError });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = letter.Payload });
        var id = await command.ExecuteScalarAsync(cancellationToken) as long?
            ?? throw new InvalidOperationException($"The dead letter of seq {letter.Seq} in queue {letter.QueueId} of stream provider '{provider}' returned no id.");
        LogDeadLettered(
            logger, provider, letter.QueueId, letter.Seq, letter.EventIndex, letter.StreamNamespace, letter.StreamKey,
            letter.SubscriptionId, letter.Consumer, letter.Attempts, id, letter.LastError);
        return id;
    }

    /// <summary>Up to <paramref name="limit"/> dead letters of the provider with id above <paramref name="afterId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StoredDeadLetter>> ReadDeadLettersAsync(string provider, long afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.ReadDeadLetters);
        AddProvider(command, provider);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var letters = new List<StoredDeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var letter = new StreamDeadLetter(
                QueueId: reader.GetInt32(1),
                Seq: reader.GetInt64(2),
                EventIndex: reader.GetInt32(3),
                StreamNamespace: reader.GetString(4),
                StreamKey: reader.GetString(5),
                SubscriptionId: reader.GetGuid(6),
                Consumer: reader.GetString(7),
                EventCount: reader.GetInt32(8),
                Attempts: reader.GetInt32(9),
                LastError: reader.GetString(10),
                Payload: reader.GetFieldValue<byte[]>(12));
            letters.Add(new StoredDeadLetter(reader.GetInt64(0), letter, reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return letters;
    }

    /// <summary>Removes a dead letter (replayed or given up on); false if it was not there.</summary>
    public async Task<bool> DeleteDeadLetterAsync(string provider, long id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.DeleteDeadLetter);
        AddProvider(command, provider);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
