namespace TgeSwarm.Grains.Market.Validation;

/// <summary>
/// The last <c>capacity</c> values with their median and median absolute deviation (MAD) at any time. Values are
/// kept twice: in arrival order (a ring, to know which one leaves) and sorted (for the order statistics).
/// <para>
/// Adding a value is two binary searches and two block moves of the sorted array; the median is then one read and the
/// MAD a binary search: the distances to the median of the values below it, read right to left, and of those above
/// it, read left to right, are two sorted sequences, and the MAD is the middle of their merge, found without merging.
/// A balanced tree or skip list would make the insert O(log n) too, but for the windows used here (hundreds, at most
/// a few thousand values) a vectorised move of contiguous doubles beats pointer chasing, and the order statistics
/// stay O(1) and O(log n). Two heaps cannot remove the value that leaves the window, and recomputing by sorting
/// every time is O(n log n) per trade.
/// </para>
/// Not thread-safe.
/// </summary>
internal sealed class RollingMedianWindow
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _count;
    private int _next;

    public RollingMedianWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new double[capacity];
        _sorted = new double[capacity];
    }

    public int Count => _count;

    public int Capacity => _ring.Length;

    /// <summary>Adds <paramref name="value"/>, pushing out the oldest value once the window is full.</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values have an order.");
        }

        if (_count == _ring.Length)
        {
            RemoveSorted(_ring[_next]);
        }
        else
        {
            _count++;
        }

        _ring[_next] = value;
        _next = _next + 1 == _ring.Length ? 0 : _next + 1;
        InsertSorted(value);
    }

    /// <summary>The median of the values in the window; NaN when empty.</summary>
    public double Median()
    {
        var n = _count;
        if (n == 0)
        {
            return double.NaN;
        }

        var half = n / 2;
        return (n & 1) == 1 ? _sorted[half] : (_sorted[half - 1] + _sorted[half]) / 2;
    }

    /// <summary>The median of the absolute distances of the values to <see cref="Median"/>; NaN when empty.</summary>
    public double MedianAbsoluteDeviation()
    {
        var n = _count;
        if (n == 0)
        {
            return double.NaN;
        }

        var median = Median();
        var split = LowerBound(median, n);
        var half = n / 2;
        return (n & 1) == 1
            ? KthDistance(half, median, split)
            : (KthDistance(half - 1, median, split) + KthDistance(half, median, split)) / 2;
    }

    /// <summary>The mean of the absolute distances of the values to <see cref="Median"/>; NaN when empty. O(n).</summary>
    public double MeanAbsoluteDeviation()
    {
        var n = _count;
        if (n == 0)
        {
            return double.NaN;
        }

        var median = Median();
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += Math.Abs(_sorted[i] - median);
        }

        return sum / n;
    }

    public void Clear()
    {
        _count = 0;
        _next = 0;
    }

    /// <summary>
    /// The <paramref name="k"/>-th smallest (0-based) distance to <paramref name="median"/>. Left distances
    /// <c>median - sorted[split - 1 - i]</c> and right distances <c>sorted[split + j] - median</c> both grow with their
    /// index; the k+1 smallest are the first i of the left and the first k+1-i of the right for the smallest i at which
    /// the left's next distance is no longer below the right's last taken one.
    /// </summary>
    private double KthDistance(int k, double median, int split)
    {
        var leftCount = split;
        var rightCount = _count - split;
        var take = k + 1;
        var low = Math.Max(0, take - rightCount);
        var high = Math.Min(take, leftCount);
        while (low < high)
        {
            var i = (low + high) >>> 1;
            if (Left(i) < Right(take - i - 1))
            {
                low = i + 1;
            }
            else
            {
                high = i;
            }
        }

        var fromLeft = low;
        var fromRight = take - low;
        var last = fromLeft > 0 ? Left(fromLeft - 1) : double.NegativeInfinity;
        return fromRight > 0 ? Math.Max(last, Right(fromRight - 1)) : last;

        double Left(int i) => median - _sorted[split - 1 - i];

        double Right(int j) => _sorted[split + j] - median;
    }

    /// <summary>The first index among the first <paramref name="count"/> sorted values whose value is not below <paramref name="value"/>.</summary>
    /// <remarks>Used instead of <see cref="Array.BinarySearch{T}(T[], int, int, T)"/>, whose comparer call per step is not inlined and showed in the pipeline's profile.</remarks>
    private int LowerBound(double value, int count)
    {
        var low = 0;
        var high = count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    // Called with _count already counting the new value: _count - 1 sorted values are in place.
    private void InsertSorted(double value)
    {
        var used = _count - 1;
        var index = LowerBound(value, used);
        Array.Copy(_sorted, index, _sorted, index + 1, used - index);
        _sorted[index] = value;
    }

    // Called with a full window, before the ring slot is overwritten: leaves _count - 1 sorted values for
    // InsertSorted to add to. The value is in the window, so the lower bound is one of its copies; equal values are
    // interchangeable.
    private void RemoveSorted(double value)
    {
        var index = LowerBound(value, _count);
        Array.Copy(_sorted, index + 1, _sorted, index, _count - index - 1);
    }
}
