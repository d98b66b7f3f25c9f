using System.Diagnostics.Tracing;
using System.Globalization;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// What the collections of a stretch of run did, from the runtime's own GC events: how many of each generation, how
/// many bytes each promoted out of gen 0 and out of gen 1, and the longest pause. A latency run whose p99 is set by
/// collections is read through these: bytes that outlive gen 0 are what a collection copies (and pauses for), so
/// the promoted bytes per collection, not the allocation rate, say whether an allocation matters.
/// </summary>
internal sealed class GcRecorder : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Lock _lock = new();
    private readonly long[] _byDepth = new long[3];
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private long _promotedFromGen0;
    private long _promotedFromGen1;
    private long _lastGen0Size;
    private long _lastGen1Size;
    private int _depth = -1;
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    /// <summary>One line for a note: collections by generation and what they promoted.</summary>
    public string Summary()
    {
        lock (_lock)
        {
            var gcs = Math.Max(1, _byDepth[0] + _byDepth[1] + _byDepth[2]);
            var gen1s = Math.Max(1, _byDepth[1] + _byDepth[2]);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"GC events: {_byDepth[0]}/{_byDepth[1]}/{_byDepth[2]} gen 0/1/2 collections; out of gen 0 {_promotedFromGen0 / 1024.0 / 1024:0.0} MB promoted "
                + $"({_promotedFromGen0 / gcs / 1024.0:0} kB a collection), out of gen 1 {_promotedFromGen1 / 1024.0 / 1024:0.0} MB "
                + $"({_promotedFromGen1 / gen1s / 1024.0:0} kB a gen 1+ collection); last gen 0 / gen 1 size {_lastGen0Size / 1024} / {_lastGen1Size / 1024} kB; by reason {string.Join(' ', _reasons.Select(static p => $"{p.Key}:{p.Value}"))}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is not { } name || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        lock (_lock)
        {
            if (name.StartsWith("GCStart", StringComparison.Ordinal))
            {
                _depth = Convert.ToInt32(Value(eventData, "Depth"), CultureInfo.InvariantCulture);
                _byDepth[Math.Clamp(_depth, 0, 2)]++;
                var reason = string.Create(CultureInfo.InvariantCulture, $"gen{_depth}/reason{Value(eventData, "Reason")}/type{Value(eventData, "Type")}");
                _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
            }
            else if (name.StartsWith("GCHeapStats", StringComparison.Ordinal) && _depth >= 0)
            {
                _promotedFromGen0 += Convert.ToInt64(Value(eventData, "TotalPromotedSize0"), CultureInfo.InvariantCulture);
                if (_depth >= 1)
                {
                    _promotedFromGen1 += Convert.ToInt64(Value(eventData, "TotalPromotedSize1"), CultureInfo.InvariantCulture);
                }

                _lastGen0Size = Convert.ToInt64(Value(eventData, "GenerationSize0"), CultureInfo.InvariantCulture);
                _lastGen1Size = Convert.ToInt64(Value(eventData, "GenerationSize1"), CultureInfo.InvariantCulture);
                _depth = -1;
            }
        }
    }

    private static object? Value(EventWrittenEventArgs eventData, string name)
    {
        var index = eventData.PayloadNames!.IndexOf(name);
        return index < 0 ? 0 : eventData.Payload![index];
    }
}
