namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// One synthetic instrument of the small-frame benchmark (<c>B007-USDT</c>): a fixed mid price that trades and book
/// levels stay within a few ticks of (so the price-anomaly check never fires and the book never crosses), and the
/// ids and sequence numbers a venue would give it next.
/// </summary>
internal sealed class SmallInstrument(int index)
{
    public const decimal Tick = 0.01m;

    /// <summary>Levels per side of the REST snapshot; diffs touch these prices only.</summary>
    public const int Levels = 20;

    /// <summary>Venue symbol, upper case (<c>B007USDT</c>).</summary>
    public string Symbol { get; } = $"B{index:000}USDT";

    /// <summary>Binance stream name prefix (<c>b007usdt</c>).</summary>
    public string Stream { get; } = $"b{index:000}usdt";

    /// <summary>OKX instId, already the pipeline's naming (<c>B007-USDT</c>).</summary>
    public string Dashed { get; } = $"B{index:000}-USDT";

    /// <summary>Between 100 and about 1 400, so ten ticks stay under 0.1 % of the price.</summary>
    public decimal Mid { get; } = 100m + (index * 13.37m);

    public long NextTradeId { get; set; } = 1_000_000 + (index * 10_000_000L);

    /// <summary>Binance's book update id (the snapshot's <c>lastUpdateId</c>, then each diff's <c>u</c>).</summary>
    public long LastUpdateId { get; set; } = 500_000_000 + (index * 1_000_000L);

    public decimal Bid(int rank) => Mid - (Tick * (rank + 1));

    public decimal Ask(int rank) => Mid + (Tick * (rank + 1));
}
