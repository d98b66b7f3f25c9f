namespace TgeSwarm.Runtime;

/// <summary>One registered reminder as a reminder table stores it. Times are UTC.</summary>
public sealed record ReminderEntry
{
    public required GrainId GrainId { get; init; }

    public required string ReminderName { get; init; }

    /// <summary>When the first tick is due; tick n is due at <c>StartAt + n × Period</c>.</summary>
    public required DateTime StartAt { get; init; }

    public required TimeSpan Period { get; init; }

    /// <summary>
    /// The due time the grain registered with. Kept so that registering again with the same due time and period is
    /// recognised as the same schedule and leaves the reminder (and its phase) alone.
    /// </summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>The stored row's version; null for an entry not read from a table.</summary>
    public string? ETag { get; init; }

    /// <summary>
    /// The scheduled time of the last tick delivered, or null. Written only under the catch-up missed-tick policy, which
    /// counts the ticks missed after it when a silo takes the reminder over.
    /// </summary>
    public DateTime? LastFiredAt { get; init; }

    /// <summary>The grain's position on the hash ring, which decides the silo that runs the reminder.</summary>
    public uint GrainHash => GrainId.GetUniformHashCode();

    public override string ToString() => $"reminder '{ReminderName}' of {GrainId} (start {StartAt:O}, period {Period}, version {ETag ?? "none"})";
}
