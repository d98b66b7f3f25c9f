namespace TgeSwarm.Grains.Market.Hosting;

/// <summary>The periodic pipeline report in the log (section <c>Market:Console</c>).</summary>
internal sealed class MarketConsoleOptions
{
    public const string SectionName = "Market:Console";

    /// <summary>Time between reports; zero turns them off. Default 5 s.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Instruments whose latest features are shown in each report. Default 3: the busiest ones on this silo.</summary>
    public int Instruments { get; set; } = 3;
}
