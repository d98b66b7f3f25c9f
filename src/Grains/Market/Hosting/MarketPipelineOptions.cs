namespace TgeSwarm.Grains.Market.Hosting;

/// <summary>Bounds of the pipeline stages' own state (section <c>Market:Pipeline</c>).</summary>
internal sealed class MarketPipelineOptions
{
    public const string SectionName = "Market:Pipeline";

    /// <summary>Trade ids remembered per instrument by the transformation stage to drop duplicates. Default 4096.</summary>
    public int DedupCapacityPerInstrument { get; set; } = 4096;

    /// <summary>Closed bars kept per venue and interval by the cache grain. Default 720 (12 min of 1 s bars, 12 h of 1 min bars).</summary>
    public int RecentBarsKept { get; set; } = 720;

    /// <summary>Closed windows kept by the window grain for reads. Default 256.</summary>
    public int RecentWindowsKept { get; set; } = 256;
}
