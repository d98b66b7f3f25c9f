using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Transform;

/// <summary>
/// Drops trades seen before. Venues resend trades after a reconnect (snapshots of recent trades), the ingestion
/// failover runs two connections for a while, and the at-least-once streams redeliver: each would count volume
/// twice in the features.
/// <para>
/// Memory is bounded per instrument: the last <c>capacityPerInstrument</c> keys (<see cref="TradeKey"/>) in a ring, with a
/// hash set over the same keys for the lookup; the oldest key leaves both when a new one arrives. A duplicate older
/// than that many trades of its instrument passes as new, so the capacity should cover the trades a reconnect can
/// replay (venues resend at most the last few hundred). A time-bounded set was the alternative; it is unbounded in a
/// burst, which is when it matters most.
/// </para>
/// Not thread-safe: one deduplicator belongs to one transform grain activation.
/// </summary>
internal sealed class TradeDeduplicator
{
    private readonly int _capacity;
    private readonly Dictionary<string, History> _histories = new(StringComparer.Ordinal);
    private string? _lastInstrument;
    private History? _lastHistory;

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
        if (HistoryOf(trade.Instrument).Add(TradeKey.Of(trade)))
        {
            Unique++;
            return true;
        }

        Duplicates++;
        return false;
    }

    private History HistoryOf(string instrument)
    {
        if (ReferenceEquals(instrument, _lastInstrument))
        {
            return _lastHistory!;
        }

        if (!_histories.TryGetValue(instrument, out var history))
        {
            history = new History(_capacity);
            _histories.Add(instrument, history);
        }

        _lastInstrument = instrument;
        _lastHistory = history;
        return history;
    }

    private sealed class History(int capacity)
    {
        private readonly TradeKey[] _ring = new TradeKey[capacity];
        private readonly HashSet<TradeKey> _keys = [];
        private int _count;
        private int _next;

        public bool Add(TradeKey key)
        {
            if (!_keys.Add(key))
            {
                return false;
            }

            if (_count == _ring.Length)
            {
                _keys.Remove(_ring[_next]);
            }
            else
            {
                _count++;
            }

            _ring[_next] = key;
            _next = _next + 1 == _ring.Length ? 0 : _next + 1;
            return true;
        }
    }
}
