namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>The pipelines the queen pauses and resumes as a whole.</summary>
public static class PipelineNames
{
    /// <summary>Market data: ingestion shards and the stages after them.</summary>
    public const string Market = "market";

    /// <summary>TGE detection: sources and the stages after them.</summary>
    public const string Tge = "tge";

    public static IReadOnlyList<string> All { get; } = [Market, Tge];
}
