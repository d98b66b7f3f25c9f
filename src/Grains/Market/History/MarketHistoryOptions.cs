namespace TgeSwarm.Grains.Market.History;

/// <summary>Recording closed bars to PostgreSQL (section <c>Market:History</c>).</summary>
public sealed class MarketHistoryOptions
{
    public const string SectionName = "Market:History";

    /// <summary>The database whose <c>market_bars</c> table (db/migrations/0006) receives the bars. Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Bars copied per transaction at most. Default 5000.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>How long a bar may wait for a batch to fill before it is written anyway. Default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Bars held in memory while the database is slow or down. Beyond it new bars are dropped, counted and logged
    /// rather than letting the silo's memory grow without bound. Default 200 000 (about an hour of 1 s and 1 min
    /// bars for 50 instruments).
    /// </summary>
    public int Capacity { get; set; } = 200_000;

    /// <summary>Longest wait between attempts to write a batch that failed. Default 30 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
