namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>One series of an instrument: its tags and its value.</summary>
public sealed record SwarmMetricValue(IReadOnlyDictionary<string, string> Tags, double Value)
{
    /// <summary>The tag's value, or an empty string when the series has no such tag.</summary>
    public string Tag(string name) => Tags.TryGetValue(name, out var value) ? value : string.Empty;
}
