namespace TgeSwarm.Runtime.Reminders;

/// <summary>A <see cref="ReminderEntry"/> on the wire, for the in-memory table grain (public entries have no generated codec).</summary>
[GenerateSerializer]
[Alias("sys.ReminderRow")]
internal sealed record ReminderRow(
    [property: Id(0)] GrainId GrainId,
    [property: Id(1)] string ReminderName,
    [property: Id(2)] DateTime StartAt,
    [property: Id(3)] TimeSpan Period,
    [property: Id(4)] TimeSpan DueTime,
    [property: Id(5)] string? ETag,
    [property: Id(6)] DateTime? LastFiredAt)
{
    public static ReminderRow From(ReminderEntry entry) =>
        new(entry.GrainId, entry.ReminderName, entry.StartAt, entry.Period, entry.DueTime, entry.ETag, entry.LastFiredAt);

    public ReminderEntry ToEntry() => new()
    {
        GrainId = GrainId,
        ReminderName = ReminderName,
        StartAt = StartAt,
        Period = Period,
        DueTime = DueTime,
        ETag = ETag,
        LastFiredAt = LastFiredAt,
    };
}
