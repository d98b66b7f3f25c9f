namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>How every source grain polls (section <c>Tge:Polling</c>); per-source settings are in <see cref="Interfaces.Tge.Sources.TgeSourceSettings"/>.</summary>
internal sealed class SourcePollingOptions
{
    public const string SectionName = "Tge:Polling";

    /// <summary>Item ids a source remembers to emit each item once; the oldest are forgotten beyond this. Default 5000.</summary>
    public int RememberedItems { get; set; } = 5000;

    /// <summary>How often the reminder checks that a configured source is active somewhere. Default 1 minute.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an activating source waits for its shared finding (the tuned floor in memory namespace
    /// <c>tge.sources</c>). Polling does not wait for it: past this the source polls on its settings' minimum. Default 5 s, 100 ms to 1 min.
    /// </summary>
    public TimeSpan FindingReadTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
