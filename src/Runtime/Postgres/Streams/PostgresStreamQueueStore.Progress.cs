using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Streams;

internal sealed partial class PostgresStreamQueueStore
{
    /// <summary>The last seq written to the queue; 0 when nothing was ever written.</summary>
    public Task<long> GetHeadAsync(string provider, int queueId, CancellationToken cancellationToken) =>
        ReadPositionAsync(StreamQueueSql.Head, provider, queueId, cancellationToken);

    /// <summary>The last acknowledged seq of the queue; 0 when nothing was acknowledged yet.</summary>
    public Task<long> GetCheckpointAsync(string provider, int queueId, CancellationToken cancellationToken) =>
        ReadPositionAsync(StreamQueueSql.Checkpoint, provider, queueId, cancellationToken);

    /// <summary>
    /// Acknowledges every row of the queue up to <paramref name="ackedSeq"/> and returns the stored checkpoint,
    /// which never moves back: a lower value (a late write of an agent that lost the queue) leaves it where it is.
    /// A checkpoint past the head would skip rows not yet written, so it is refused with
    /// <see cref="ArgumentOutOfRangeException"/> and nothing changes.
    /// </summary>
    public async Task<long> SaveCheckpointAsync(string provider, int queueId, long ackedSeq, CancellationToken cancellationToken)
    {
        ValidateQueue(provider, queueId);
        ArgumentOutOfRangeException.ThrowIfNegative(ackedSeq);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.SaveCheckpoint);
        AddQueue(command, provider, queueId);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ackedSeq });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        if (await command.ExecuteScalarAsync(cancellationToken) is long stored)
        {
            return stored;
        }

        var head = await GetHeadAsync(provider, queueId, cancellationToken);
        LogCheckpointBeyondHead(logger, provider, queueId, ackedSeq, head);
        throw new ArgumentOutOfRangeException(
            nameof(ackedSeq), ackedSeq,
            $"Checkpoint {ackedSeq} of queue {queueId} of stream provider '{provider}' is past the queue's head ({head}); it would skip rows not yet written.");
    }

    /// <summary>Head, checkpoint and trimmed seq of every queue of the provider that was ever written to, by queue id.</summary>
    public async Task<IReadOnlyList<QueueState>> GetQueuesAsync(string provider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.Queues);
        AddProvider(command, provider);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var queues = new List<QueueState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            queues.Add(new QueueState(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return queues;
    }

    /// <summary>
    /// Records what several subscriptions were delivered, in one statement. Within a queue a subscription's position
    /// only moves forward; a subscription listed twice counts once, with its later entry.
    /// </summary>
    public async Task SaveSubscriptionProgressAsync(string provider, IReadOnlyList<SubscriptionProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(progress);
        var entries = Deduplicate(progress);
        if (entries.Count == 0)
        {
            return;
        }

        var ids = new Guid[entries.Count];
        var queueIds = new int[entries.Count];
        var namespaces = new string[entries.Count];
        var keys = new string[entries.Count];
        var delivered = new long[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            ArgumentOutOfRangeException.ThrowIfNegative(entry.QueueId, nameof(progress));
            ArgumentOutOfRangeException.ThrowIfNegative(entry.DeliveredSeq, nameof(progress));
            ids[i] = entry.SubscriptionId;
            queueIds[i] = entry.QueueId;
            namespaces[i] = entry.StreamNamespace ?? throw new ArgumentException($"Progress entry {i} has no stream namespace.", nameof(progress));
            keys[i] = entry.StreamKey ?? throw new ArgumentException($"Progress entry {i} has no stream key.", nameof(progress));
            delivered[i] = entry.DeliveredSeq;
        }

        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.SaveProgress);
        AddProvider(command, provider);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = queueIds });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = namespaces });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = delivered });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets a subscription's progress (it was unsubscribed); false if there was none.</summary>
    public async Task<bool> DeleteSubscriptionProgressAsync(string provider, Guid subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.DeleteProgress);
        AddProvider(command, provider);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = subscriptionId });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// The lag of every subscription with recorded progress, by subscription id. A subscription appears once its
    /// progress was saved at least once, so an agent saves it (delivered seq = the position it starts from) when it
    /// starts serving one.
    /// </summary>
    public async Task<IReadOnlyList<SubscriptionLag>> GetLagAsync(string provider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(StreamQueueSql.Lag);
        AddProvider(command, provider);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lags = new List<SubscriptionLag>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lags.Add(new SubscriptionLag(
                reader.GetGuid(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetInt64(6),
                reader.GetInt64(7),
                reader.GetInt64(8),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return lags;
    }

    private async Task<long> ReadPositionAsync(string sql, string provider, int queueId, CancellationToken cancellationToken)
    {
        ValidateQueue(provider, queueId);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(sql);
        AddQueue(command, provider, queueId);
        return await command.ExecuteScalarAsync(cancellationToken) as long? ?? 0;
    }

    // One statement cannot upsert a row twice, so a batch naming a subscription twice is folded here with the
    // statement's own rule: a later entry wins, except that it cannot move the position back within one queue.
    private static IReadOnlyList<SubscriptionProgress> Deduplicate(IReadOnlyList<SubscriptionProgress> progress)
    {
        if (progress.Count < 2)
        {
            return progress;
        }

        var byId = new Dictionary<Guid, int>(progress.Count);
        var entries = new List<SubscriptionProgress>(progress.Count);
        foreach (var entry in progress)
        {
            if (!byId.TryGetValue(entry.SubscriptionId, out var index))
            {
                byId.Add(entry.SubscriptionId, entries.Count);
                entries.Add(entry);
                continue;
            }

            var earlier = entries[index];
            entries[index] = earlier.QueueId == entry.QueueId && earlier.DeliveredSeq > entry.DeliveredSeq
                ? entry with { DeliveredSeq = earlier.DeliveredSeq }
                : entry;
        }

        return entries;
    }
}
