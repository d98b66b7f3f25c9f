namespace TgeSwarm.Runtime.Streams;

/// <summary>How the silo's pulling agents run a persistent stream provider's queues.</summary>
/// <param name="QueueCount">Queues the streams are spread over; each is pulled by one agent on one silo.</param>
/// <param name="PollInterval">Wait before polling a queue again after finding it empty.</param>
/// <param name="MaxRowsPerRead">Most rows one poll reads.</param>
/// <param name="MaxDeliveryAttempts">Tries per row and subscription before the row is dead-lettered for it.</param>
/// <param name="RetentionPeriod">How long acknowledged rows stay readable for rewind.</param>
/// <param name="TrimInterval">How often a queue's owner runs retention.</param>
public sealed record PersistentStreamSettings(
    int QueueCount, TimeSpan PollInterval, int MaxRowsPerRead, int MaxDeliveryAttempts, TimeSpan RetentionPeriod, TimeSpan TrimInterval);
