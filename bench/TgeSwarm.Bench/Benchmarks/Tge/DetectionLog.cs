using System.Diagnostics;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// What one phase of the detection figure saw, keyed by token symbol: when each planned item was published, when
/// its event (or, for the baseline, its classification) arrived, and the poll that found it. Written from the
/// publisher, from stream handlers on pool threads and from the baseline's poll loops, hence the lock; a few hundred
/// entries per run, so the lock costs nothing measurable.
/// </summary>
internal sealed class DetectionLog
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _published = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Detection> _detected = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Item), DateTimeOffset> _polledAt = [];
    private readonly TaskCompletionSource _allDetected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _notices;
    private int _repeats;
    private int _unplanned;

    public DetectionLog(IEnumerable<string> symbols)
    {
        foreach (var symbol in symbols)
        {
            _waiting.Add(symbol);
        }
    }

    /// <summary>Completes when every planned symbol has been detected once.</summary>
    public Task AllDetected => _allDetected.Task;

    public void Published(string symbol, long timestamp)
    {
        lock (_lock)
        {
            _published[symbol] = timestamp;
        }
    }

    /// <summary>The poll that read an item: the event notice carries the item's SeenAt but not its poll's start.</summary>
    public void Polled(string sourceId, string itemId, DateTimeOffset polledAt)
    {
        lock (_lock)
        {
            _polledAt[(sourceId, itemId)] = polledAt;
        }
    }

    /// <summary>One event notice (or baseline classification) naming <paramref name="symbol"/>; a second one for a symbol is a repeat.</summary>
    public void Detected(string? symbol, Detection detection)
    {
        lock (_lock)
        {
            _notices++;
            if (symbol is null || (!_published.ContainsKey(symbol) && !_waiting.Contains(symbol)))
            {
                _unplanned++;
                return;
            }

            if (!_detected.TryAdd(symbol, detection))
            {
                _repeats++;
                return;
            }

            if (_waiting.Remove(symbol) && _waiting.Count == 0)
            {
                _allDetected.TrySetResult();
            }
        }
    }

    /// <summary>The figures of the phase; call once it is over.</summary>
    public DetectionSummary Summarize()
    {
        lock (_lock)
        {
            var endToEnd = new List<TimeSpan>();
            var fromPoll = new List<TimeSpan>();
            var fromSeen = new List<TimeSpan>();
            foreach (var (symbol, detection) in _detected)
            {
                if (_published.TryGetValue(symbol, out var published))
                {
                    endToEnd.Add(Stopwatch.GetElapsedTime(published, detection.ArrivedTimestamp));
                }

                fromSeen.Add(detection.ArrivedAt - detection.SeenAt);
                if (_polledAt.TryGetValue((detection.SourceId, detection.ItemId), out var polledAt))
                {
                    fromPoll.Add(detection.ArrivedAt - polledAt);
                }
            }

            var missed = _published.Keys.Where(s => !_detected.ContainsKey(s)).Order(StringComparer.Ordinal).ToArray();
            return new DetectionSummary(_published.Count, _detected.Count, _notices, _repeats, _unplanned, missed, endToEnd, fromPoll, fromSeen);
        }
    }
}
