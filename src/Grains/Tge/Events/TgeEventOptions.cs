namespace TgeSwarm.Grains.Tge.Events;

/// <summary>How event grains merge sightings (section <c>Tge:Events</c>).</summary>
internal sealed class TgeEventOptions
{
    public const string SectionName = "Tge:Events";

    /// <summary>
    /// A PostgreSQL connection string: records are then kept in <c>tge_events</c> instead of the silo's memory. Read
    /// once when the silo is composed (<see cref="TgeDetectionExtensions.AddTgeDetection"/>); the host's own database
    /// setting, when it passes one, wins. Default none: memory.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// A sighting whose time (its event time, else its publication, else when it was seen) lies further than this
    /// from the record's event time (else its first sighting) is merged as a late sighting: recorded with its source,
    /// but it changes neither kind, venue, time nor confidence. Default 30 days (EVENTS.md, "Time proximity").
    /// </summary>
    public TimeSpan MergeWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Titles from the same source at least this alike (<see cref="TgeTitleSimilarity"/>, 0..1) are one announcement
    /// re-issued under a new item id, and dropped as duplicates. Default 0.9.
    /// </summary>
    public double DuplicateTitleSimilarity { get; set; } = 0.9;

    /// <summary>Sightings kept per record; further ones are counted and dropped, so a record stays bounded. Default 200.</summary>
    public int MaxSightings { get; set; } = 200;
}
