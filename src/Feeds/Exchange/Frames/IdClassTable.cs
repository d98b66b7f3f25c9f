namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// The id classes of one recorded connection (e.g. Binance <c>depth:nknusdt</c>, Bybit <c>u:orderbook.200.BTCUSDT</c>,
/// Coinbase <c>trade</c>) and the span each covers. Pass k adds k × span to every id of a class, so the ids of a pass
/// all lie above those of the one before, and a class whose ids are contiguous (Binance U/u) stays contiguous
/// across the seam: the first id of a pass is the last of the previous pass plus one.
/// Anchoring values decide the span; the others (Binance bookTicker <c>u</c>, the REST <c>lastUpdateId</c>) follow it.
/// </summary>
internal sealed class IdClassTable
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<Range> _ranges = [];
    private long[] _spans = [];

    public int Count => _ranges.Count;

    public int Register(string name, long value, bool anchors)
    {
        if (!_indexes.TryGetValue(name, out var index))
        {
            index = _ranges.Count;
            _indexes.Add(name, index);
            _ranges.Add(new Range());
        }

        _ranges[index].Add(value, anchors);
        return index;
    }

    public bool TryGetIndex(string name, out int index) => _indexes.TryGetValue(name, out index);

    /// <summary>Fixes the spans once every frame of the connection is registered.</summary>
    public void Freeze() => _spans = [.. _ranges.Select(static r => r.Span)];

    /// <summary>The amount one pass adds to every id of class <paramref name="index"/>.</summary>
    public long Span(int index) => _spans[index];

    /// <summary>The anchoring minimum and maximum of a class (Binance: the first <c>U</c> and the last <c>u</c>).</summary>
    public (long Min, long Max) Bounds(int index) => (_ranges[index].AnchorMin, _ranges[index].AnchorMax);

    private sealed class Range
    {
        public long AnchorMin { get; private set; } = long.MaxValue;

        public long AnchorMax { get; private set; } = long.MinValue;

        private long AllMin { get; set; } = long.MaxValue;

        private long AllMax { get; set; } = long.MinValue;

        public long Span => AnchorMin <= AnchorMax ? AnchorMax - AnchorMin + 1 : AllMax - AllMin + 1;

        public void Add(long value, bool anchors)
        {
            AllMin = Math.Min(AllMin, value);
            AllMax = Math.Max(AllMax, value);
            if (anchors)
            {
                AnchorMin = Math.Min(AnchorMin, value);
                AnchorMax = Math.Max(AnchorMax, value);
            }
        }
    }
}
