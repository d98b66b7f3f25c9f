namespace TgeSwarm.Grains.Market.Validation;

/// <summary>Counters of one <see cref="MarketValidator"/>. Not thread-safe: a validator is driven by one grain turn at a time.</summary>
internal sealed class ValidationStatistics
{
    private readonly Dictionary<string, long> _rejected = new(StringComparer.Ordinal);

    public long AcceptedTrades { get; private set; }

    public long AcceptedBooks { get; private set; }

    /// <summary>Accepted trades whose side the venue did not give (<c>TradeSide.Unknown</c>): allowed, but watched.</summary>
    public long UnknownSides { get; private set; }

    /// <summary>Accepted trades that confirmed a new price level after a run of anomalies (see <see cref="PriceAnomalyDetector"/>).</summary>
    public long Reanchors { get; private set; }

    /// <summary>Rejections per reason (<see cref="ValidationReasons"/>); reasons never seen are absent.</summary>
    public IReadOnlyDictionary<string, long> RejectedByReason => _rejected;

    public long Rejected { get; private set; }

    internal void TradeAccepted(bool unknownSide, bool reanchored)
    {
        AcceptedTrades++;
        if (unknownSide)
        {
            UnknownSides++;
        }

        if (reanchored)
        {
            Reanchors++;
        }
    }

    internal void BookAccepted() => AcceptedBooks++;

    internal void Reject(string reason)
    {
        Rejected++;
        _rejected[reason] = _rejected.GetValueOrDefault(reason) + 1;
    }
}
