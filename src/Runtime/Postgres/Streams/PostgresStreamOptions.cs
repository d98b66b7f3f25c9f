namespace TgeSwarm.Runtime.Configuration;

/// <summary>Settings of one named PostgreSQL stream provider; validated when the silo starts.</summary>
public sealed class PostgresStreamOptions
{
    /// <summary>Npgsql connection string. Required; set by <c>AddPostgresStreams</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The partition of the stream tables this service's queues live in, so several services can share one database.
    /// Default null: the silo's <see cref="ClusterOptions.ServiceId"/>. Changing it hides all queued events.
    /// </summary>
    public string? ServiceId { get; set; }

    /// <summary>
    /// How many queues the provider's streams are spread over (by a stable hash of the stream id), each pulled by one
    /// agent on one silo. Default 8, as Orleans' <c>HashRingStreamQueueMapperOptions.TotalQueueCount</c>. Changing
    /// it moves streams to other queues: drain the queues first.
    /// </summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>How long a pulling agent waits before it polls a queue again after finding it empty. Default 100 ms, as Orleans.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most rows one poll reads (each row a batch of events of one stream). Default 100.</summary>
    public int MaxRowsPerRead { get; set; } = 100;

    /// <summary>
    /// How long acknowledged rows are kept for rewind before retention deletes them; unacknowledged rows are never
    /// deleted. Default 1 hour.
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a consumer is tried with an event before the event is dead-lettered. Default 5.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>How often each queue's owner runs retention. Default 1 minute.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(1);
}
