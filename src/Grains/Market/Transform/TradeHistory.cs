using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Transform;

/// <summary>
/// The last <c>capacity</c> trade keys of one instrument for <see cref="TradeDeduplicator"/>, in a ring; the oldest
/// leaves when a new one arrives.
/// <para>
/// Numeric trade ids (Binance, OKX, Bybit spot, Coinbase: the usual case) are kept as 64-bit numbers in a set of their
/// own, so a lookup hashes eight bytes and compares no strings, and the history holds no references: with string keys
/// every trade id string lived on in it for 4 096 trades, so each was promoted out of gen 0 and the collector traced
/// hundreds of thousands of them per instrument set (the <c>pipeline_small</c> profile). Other keys (UUID ids, Kraken
/// v1's trades without an id) go to a second set, created on first use. A numeric id stands for exactly one string
/// (<see cref="TradeKey.TryNumber"/>: digits only, no leading zero, at most 18 digits), so the two forms never
/// describe the same trade and every decision is the one a single set over the original keys would make.
/// </para>
/// </summary>
internal sealed class TradeHistory(int capacity)
{
    // Numeric ids are never negative, so a negative slot marks a key kept in _others.
    private const long OtherSlot = -1;

    private readonly long[] _numbers = new long[capacity];
    private readonly HashSet<long> _numberSet = [];
    private TradeKey[]? _others;
    private HashSet<TradeKey>? _otherSet;
    private int _count;
    private int _next;

    /// <summary>True when <paramref name="trade"/>'s key is not among the last keys (and remembers it); false for a duplicate.</summary>
    public bool Add(Trade trade)
    {
        if (TradeKey.TryNumber(trade.TradeId, out var number))
        {
            if (!_numberSet.Add(number))
            {
                return false;
            }

            Evict();
            _numbers[_next] = number;
        }
        else
        {
            var key = TradeKey.Of(trade);
            _otherSet ??= [];
            if (!_otherSet.Add(key))
            {
                return false;
            }

            Evict();
            _others ??= new TradeKey[_numbers.Length];
            _others[_next] = key;
            _numbers[_next] = OtherSlot;
        }

        _next = _next + 1 == _numbers.Length ? 0 : _next + 1;
        return true;
    }

    // Frees the slot at _next for the key just added to its set: the oldest key leaves once the ring is full.
    private void Evict()
    {
        if (_count < _numbers.Length)
        {
            _count++;
            return;
        }

        var oldest = _numbers[_next];
        if (oldest == OtherSlot)
        {
            _otherSet!.Remove(_others![_next]);
            _others[_next] = default;
        }
        else
        {
            _numberSet.Remove(oldest);
        }
    }
}
