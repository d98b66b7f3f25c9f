namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>How every source grain polls (section <c>Tge:Polling</c>); per-source settings are in <see cref="Interfaces.Tge.Sources.TgeSourceSettings"/>.</summary>
internal sealed class SourcePollingOptions
{
    public const string SectionName = "Tge:Polling";

    /// <summary>Item ids a source remembers to emit each item once; the oldest are forgotten beyond this. Default 5000.</summary>
    public int RememberedItems { get; set; } = 5000;

    /// <summary>How often the reminder checks that a configured source is active somewhere. Default 1 minute.</summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
