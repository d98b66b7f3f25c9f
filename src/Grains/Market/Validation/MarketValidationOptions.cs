namespace TgeSwarm.Grains.Market.Validation;

/// <summary>The limits the validation stage checks market events against. Validated at start-up.</summary>
public sealed class MarketValidationOptions
{
    /// <summary>
    /// How far an event's time may be ahead of the silo's clock. Default 5 s: venue clocks and ours are NTP-synced,
    /// so more than that is a bad timestamp, not skew. <c>null</c> turns the check off.
    /// </summary>
    public TimeSpan? MaxClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old an event may be. Default 1 hour. Recorded sessions replayed without rebasing their times are years old:
    /// set <c>null</c> (no check) or rebase the times for such runs.
    /// </summary>
    public TimeSpan? MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Normalised instruments accepted (e.g. <c>BTC-USDT</c>). Empty (the default): any instrument.</summary>
    public IList<string> Instruments { get; } = new List<string>();

    /// <summary>
    /// The robust z-score above which a trade's log price move counts as an anomaly. Default 12: on heavy-tailed
    /// tick data, 3.5 (the textbook cut) rejects real moves every few minutes. <c>null</c> turns the check off.
    /// </summary>
    public double? PriceAnomalyThreshold { get; set; } = 12;

    /// <summary>Recent accepted moves per instrument the median and MAD are taken over. Default 200.</summary>
    public int PriceAnomalyWindow { get; set; } = 200;

    /// <summary>Moves an instrument needs before its trades are checked at all. Default 30.</summary>
    public int PriceAnomalyWarmUp { get; set; } = 30;

    /// <summary>
    /// A log price move (about a relative change) this small is never an anomaly, whatever its z-score. Default 0.01
    /// (1 %): it keeps a quiet instrument, whose recent moves are all zero, from rejecting its first real tick.
    /// </summary>
    public double PriceAnomalyMinMove { get; set; } = 0.01;

    /// <summary>
    /// Anomalous trades in a row, each close to the one before, after which the new price level is taken as real:
    /// the first ones are rejected, this one is accepted and becomes the reference. Default 5. Without it a genuine
    /// jump would have every later trade rejected against a price the market left.
    /// </summary>
    public int PriceAnomalyConfirmations { get; set; } = 5;

    /// <summary>
    /// How often the validation grain shares its instruments' learned anomaly baselines in the memory coordinator
    /// (namespace <c>market.anomalies</c>), so the venue's next activation scores trades from its first ones instead of
    /// after a warm-up. Default 30 s. <c>null</c> or zero turns sharing off; at most half of
    /// <see cref="AnomalyFindingTtl"/>, so an unchanged baseline is rewritten before it expires.
    /// </summary>
    public TimeSpan? AnomalyShareInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a shared baseline stays visible after its last write. Default 1 hour: a baseline older than that says
    /// little about the market's present moves, and an instrument nobody validates any more is forgotten.
    /// </summary>
    public TimeSpan AnomalyFindingTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long an activation's read of its venue's shared baselines may take in all. Default 2 s. The read runs
    /// beside the stream subscription, never before it; past this bound the instruments not yet seeded warm up as usual.
    /// </summary>
    public TimeSpan AnomalyRecallTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
