namespace TgeSwarm.Grains.Market.Pipeline;

/// <summary>The stage names used in statistics, metric tags and the console view, in pipeline order.</summary>
internal static class MarketStages
{
    public const string Ingestion = "ingestion";
    public const string Validation = "validation";
    public const string Transform = "transform";
    public const string Features = "features";
    public const string Windows = "windows";
    public const string Cache = "cache";

    public static readonly string[] All = [Ingestion, Validation, Transform, Features, Windows, Cache];
}
