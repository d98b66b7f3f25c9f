namespace TgeSwarm.Feeds.Books;

/// <summary>
/// One side of an L2 book: price → absolute size, read by rank (0 = best level).
/// <para>
/// The levels sit in one array sorted from the worst level to the best, with free slots kept at both ends. Venues
/// change the top of a book far more often than its tail, so with the best level last such a change moves few
/// elements (a sorted list with the best level first moves the whole book on every new best price), and dropping
/// the worst levels after an insert (depth truncation) only advances the start. An insert or a removal shifts
/// whichever part of the array is shorter. A price is found by a branch-free bisection over a parallel array of
/// 64-bit keys while the side's prices share one scale (<c>BookSide.Keys.cs</c>), else by galloping from the best
/// level and then bisecting decimals, so a change k levels from the top costs O(log k) comparisons.
/// </para>
/// <para>
/// Prices are compared by value (<c>1.50</c> and <c>1.5</c> are one level) and a level keeps the price text it was
/// inserted with; a size update replaces the size only. Each side remembers the best rank changed since two
/// consumers last looked (<see cref="TakeChangedForChecksum"/> and the top-depth sums of <see cref="Depth"/>), so
/// they recompute only what a change can have moved.
/// </para>
/// </summary>
internal sealed partial class BookSide
{
    private const int InitialCapacity = 64;

    private readonly bool _higherIsBetter;
    private PriceLevel[] _levels;
    private int _start;
    private int _end;
    private int _changedForChecksum;
    private int _changedForDepth;
    private decimal[] _depthSums = [0m];
    private int _depthValid;

    public BookSide(bool higherIsBetter)
    {
        _higherIsBetter = higherIsBetter;
        _levels = new PriceLevel[InitialCapacity];
        _keys = new ulong[InitialCapacity];
        _start = _end = InitialCapacity / 2;
        _changedForChecksum = 0;
        _changedForDepth = 0;
    }

    public int Count => _end - _start;

    /// <summary>The price of the level <paramref name="rank"/> levels below the best (0 = best).</summary>
    public decimal PriceAt(int rank) => _levels[Index(rank)].Price;

    public decimal SizeAt(int rank) => _levels[Index(rank)].Size;

    public PriceLevel this[int rank] => _levels[Index(rank)];

    /// <summary>Sets the level's size; zero removes it.</summary>
    public void Apply(decimal price, decimal size)
    {
        int index;
        bool found;
        var keyed = TryKey(price, out var key);
        if (keyed)
        {
            index = FindKey(key);
            found = index < _end && _keys[index] == key;
        }
        else
        {
            index = Find(price);
            found = index < _end && FastDecimal.Compare(_levels[index].Price, price) == 0;
        }

        if (FastDecimal.IsZero(size))
        {
            if (found)
            {
                Touched(_end - 1 - index);
                RemoveAt(index);
            }

            return;
        }

        if (found)
        {
            Touched(_end - 1 - index);
            _levels[index] = new PriceLevel(_levels[index].Price, size);
            ForgetSizeText(index);
            return;
        }

        Touched(_end - index);
        _keyed = keyed;
        Insert(index, new PriceLevel(price, size), key);
    }

    /// <summary>Applies <paramref name="levels"/> in order; an empty side takes levels sent best first in one pass.</summary>
    public void ApplyAll(ReadOnlySpan<PriceLevel> levels)
    {
        if (Count == 0 && TryLoadBestFirst(levels))
        {
            return;
        }

        foreach (var level in levels)
        {
            Apply(level.Price, level.Size);
        }
    }

    public void Clear()
    {
        _start = _end = _levels.Length / 2;
        Touched(0);
    }

    /// <summary>Drops the levels ranked <paramref name="depth"/> and below.</summary>
    public void Truncate(int depth)
    {
        if (Count > depth)
        {
            _start = _end - depth;
            Touched(depth);
        }
    }

    /// <summary>
    /// Sum of the sizes of the best <paramref name="levels"/> levels, added best first from <c>0m</c>. The running
    /// sums after each rank are kept, so after a change at rank k only the ranks from k on are added again (the same
    /// additions in the same order: the same decimal, scale included).
    /// </summary>
    public decimal Depth(int levels)
    {
        if (levels != _depthSums.Length - 1)
        {
            _depthSums = new decimal[levels + 1];
            _depthValid = 0;
        }

        var count = Math.Min(levels, Count);
        var rank = Math.Min(Math.Min(_depthValid, _changedForDepth), count);
        var sum = _depthSums[rank];
        for (; rank < count; rank++)
        {
            sum = FastDecimal.Add(sum, _levels[_end - 1 - rank].Size);
            _depthSums[rank + 1] = sum;
        }

        _depthValid = count;
        _changedForDepth = int.MaxValue;
        return sum;
    }

    /// <summary>The best rank changed (levels set, inserted, removed or dropped) since the last call; <see cref="int.MaxValue"/> if none.</summary>
    public int TakeChangedForChecksum()
    {
        var changed = _changedForChecksum;
        _changedForChecksum = int.MaxValue;
        return changed;
    }

    /// <summary>The levels best first.</summary>
    public PriceLevel[] ToArray()
    {
        var levels = _levels.AsSpan(_start, Count).ToArray();
        levels.AsSpan().Reverse();
        return levels;
    }

    private int Index(int rank) => (uint)rank < (uint)Count ? _end - 1 - rank : throw new ArgumentOutOfRangeException(nameof(rank));

    private void Touched(int rank)
    {
        _changedForChecksum = Math.Min(_changedForChecksum, rank);
        _changedForDepth = Math.Min(_changedForDepth, rank);
    }

    private bool Worse(decimal price, decimal than) => _higherIsBetter ? FastDecimal.Compare(price, than) < 0 : FastDecimal.Compare(price, than) > 0;

    // The index of the first level not worse than price (its own level if present, else where it goes).
    private int Find(decimal price)
    {
        var high = _end;
        var low = _start;
        for (var step = 1; ; step <<= 1)
        {
            var probe = high - step;
            if (probe < _start)
            {
                break;
            }

            if (Worse(_levels[probe].Price, price))
            {
                low = probe + 1;
                break;
            }

            high = probe;
        }

        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (Worse(_levels[middle].Price, price))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private void Insert(int index, PriceLevel level, ulong key)
    {
        var shiftTail = _end - index <= index - _start;
        if (shiftTail ? _end == _levels.Length : _start == 0)
        {
            // The cheap end is full: re-centre rather than shift the long part of the book.
            index = MakeRoom(index);
        }

        if (shiftTail)
        {
            Move(index, index + 1, _end - index);
            _end++;
        }
        else
        {
            Move(_start, _start - 1, index - _start);
            _start--;
            index--;
        }

        _levels[index] = level;
        _keys[index] = key;
        ForgetText(index);
    }

    // Centres the levels, in a twice larger array unless at least half as many free slots remain, so a re-centring
    // buys enough cheap inserts to pay for itself. Returns index moved along with the levels.
    private int MakeRoom(int index)
    {
        var count = Count;
        if (_levels.Length - count < (count / 2) + 2)
        {
            Reallocate(Math.Max(InitialCapacity, count * 2));
        }

        var start = (_levels.Length - count) / 2;
        Move(_start, start, count);
        index += start - _start;
        _start = start;
        _end = start + count;
        return index;
    }

    private void RemoveAt(int index)
    {
        if (index - _start < _end - 1 - index)
        {
            Move(_start, _start + 1, index - _start);
            _start++;
        }
        else
        {
            Move(index + 1, index, _end - 1 - index);
            _end--;
        }
    }

    private void Move(int from, int to, int count)
    {
        _levels.AsSpan(from, count).CopyTo(_levels.AsSpan(to));
        if (_keyed)
        {
            _keys.AsSpan(from, count).CopyTo(_keys.AsSpan(to));
        }

        MoveTexts(from, to, count);
    }

    // Grows the arrays keeping every slot where it was.
    private void Reallocate(int capacity)
    {
        Array.Resize(ref _levels, capacity);
        Array.Resize(ref _keys, capacity);
        ReallocateTexts(capacity);
    }

    // A snapshot normally arrives best first, strictly ordered and without zero sizes: then it is written straight
    // into place. Anything else (a repeated price, a zero, disorder) is left to Apply, level by level.
    private bool TryLoadBestFirst(ReadOnlySpan<PriceLevel> levels)
    {
        if (levels.IsEmpty)
        {
            return true;
        }

        for (var i = 0; i < levels.Length; i++)
        {
            if (!FastDecimal.IsPositive(levels[i].Size) || (i > 0 && !Worse(levels[i].Price, levels[i - 1].Price)))
            {
                return false;
            }
        }

        var capacity = Math.Max(InitialCapacity, levels.Length + (levels.Length / 2));
        if (_levels.Length < capacity)
        {
            Reallocate(capacity);
        }

        // Room is left on both sides: new best prices and new deep levels both come.
        _start = (_levels.Length - levels.Length) / 2;
        _end = _start + levels.Length;
        var place = _levels.AsSpan(_start, levels.Length);
        levels.CopyTo(place);
        place.Reverse();
        KeyLoaded(_start, levels.Length);
        ForgetTexts(_start, levels.Length);
        Touched(0);
        return true;
    }
}
