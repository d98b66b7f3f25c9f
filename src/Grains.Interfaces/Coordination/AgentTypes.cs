namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>The agent types the queen drives, as <see cref="IQueenGrain"/>'s commands and the REST API name them.</summary>
public static class AgentTypes
{
    /// <summary>An ingestion shard (<c>IIngestionGrain</c>, key <c>venue#n</c>); configuration: <c>IngestionShardSettings</c> as JSON.</summary>
    public const string Ingestion = "ingestion";

    /// <summary>A TGE source (<c>ISourceGrain</c>, key: source id); configuration: <c>TgeSourceSettings</c> as JSON, enums as camelCase names.</summary>
    public const string Source = "source";

    /// <summary>
    /// A shard of a scraper group (<c>IScraperGrain</c>, key <c>group#n</c>) that owns a share of the group's TGE sources;
    /// configuration: <c>{"sources":{"&lt;id&gt;":&lt;TgeSourceSettings as for <see cref="Source"/>&gt;}}</c>; task items: the source ids.
    /// </summary>
    public const string Scraper = "scraper";
}
