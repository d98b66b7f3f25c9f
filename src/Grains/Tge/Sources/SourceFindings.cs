using System.Text.Json;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>Where sources' findings live in the memory coordinator and how their values read (COORDINATION.md, "What the agents share").</summary>
internal static class SourceFindings
{
    /// <summary>The memory namespace: the pipeline's prefix, then the agent type, like the streams' <c>tge.raw</c>.</summary>
    public const string Namespace = "tge.sources";

    /// <summary>Who the performance grain says wrote an entry.</summary>
    public const string Writer = "tge.performance";

    public static string Write(SourceFinding finding) => JsonSerializer.Serialize(finding, SourceFindingJsonContext.Default.SourceFinding);

    /// <summary>The finding, or null when the value is not one (written by hand through the API, say); never throws for bad JSON.</summary>
    public static SourceFinding? Read(string value)
    {
        try
        {
            var finding = JsonSerializer.Deserialize(value, SourceFindingJsonContext.Default.SourceFinding);
            return finding is { Reason: not null, Url: not null } && finding.Floor > TimeSpan.Zero ? finding : null;
        }
        catch (JsonException)
        {
            // Anyone with the operator role may write the namespace: a value of another shape is no finding, not an error.
            return null;
        }
    }
}
