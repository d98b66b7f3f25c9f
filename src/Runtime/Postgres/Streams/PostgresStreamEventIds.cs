namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// Log event ids of the PostgreSQL stream queues: the block 7100-7139, kept apart from
/// <see cref="PostgresEventIds"/> so the streams subsystem owns its range.
/// </summary>
internal static class PostgresStreamEventIds
{
    // Queue store: 7100-7119.
    public const int EventDeadLettered = 7100;
    public const int QueueTrimmed = 7101;
    public const int CheckpointBeyondHead = 7102;

    // Pulling agents and the delivery path above the store: 7120-7139.
}
