using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Transform;

/// <summary>
/// Drops trades seen before. Venues resend trades after a reconnect (snapshots of recent trades), the ingestion
/// failover runs two connections for a while, and the at-least-once streams redeliver: each would count volume
/// twice in the features.
/// <para>
/// Memory is bounded per instrument: the last <c>capacityPerInstrument</c> keys (<see cref="TradeKey"/>) in a ring, with a
/// hash set over the same keys for the lookup; the oldest key leaves both when a new one arrives (<see cref="TradeHistory"/>). A duplicate older
/// than that many trades of its instrument passes as new, so the capacity should cover the trades a reconnect can
/// replay (venues resend at most the last few hundred). A time-bounded set was the alternative; it is unbounded in a
/// burst, which is when it matters most.
/// </para>
/// Not thread-safe: one deduplicator belongs to one transform grain activation.
/// </summary>
internal sealed class TradeDeduplicator
{
    private readonly int _capacity;
    private readonly Dictionary<string, TradeHistory> _histories = new(StringComparer.Ordinal);
    private string? _lastInstrument;
    private TradeHistory? _lastHistory;

    public TradeDeduplicator(int capacityPerInstrument)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPerInstrument, 1);
        _capacity = capacityPerInstrument;
    }

    public int CapacityPerInstrument => _capacity;

    /// <summary>Trades passed as new.</summary>
    public long Unique { get; private set; }

    /// <summary>Trades dropped as already seen.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Instruments with a history.</summary>
    public int Instruments => _histories.Count;

    /// <summary>True the first time a trade is seen (and remembers it); false for a duplicate.</summary>
    public bool IsNew(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (HistoryOf(trade.Instrument).Add(trade))
        {
            Unique++;
            return true;
        }

        Duplicates++;
        return false;
    }

    private TradeHistory HistoryOf(string instrument)
    {
        if (ReferenceEquals(instrument, _lastInstrument))
        {
            return _lastHistory!;
        }

        if (!_histories.TryGetValue(instrument, out var history))
        {
            history = new TradeHistory(_capacity);
            _histories.Add(instrument, history);
        }

        _lastInstrument = instrument;
        _lastHistory = history;
        return history;
    }
}
