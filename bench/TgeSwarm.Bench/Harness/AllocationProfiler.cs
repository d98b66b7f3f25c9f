using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace TgeSwarm.Bench.Harness;

/// <summary>
/// Which types a stretch of code allocates, from the runtime's own sampled allocation events (one event per
/// ~100 KB allocated, naming the type that crossed the mark), so over a long run the shares approximate the bytes
/// allocated per type. In-process, no tools needed: <c>--alloc-profile</c> prints the table to stderr.
/// </summary>
internal sealed class AllocationProfiler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    public void Print(string title, int top = 15)
    {
        var total = _bytesByType.Values.Sum();
        Console.Error.WriteLine($"# allocation profile: {title} (sampled, {total / 1024 / 1024} MB seen)");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(static p => p.Value).Take(top))
        {
            Console.Error.WriteLine($"#   {100.0 * bytes / Math.Max(1, total),5:0.0}%  {type}");
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal)
            || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var typeIndex = eventData.PayloadNames.IndexOf("TypeName");
        var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0)
        {
            return;
        }

        var amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytesByType.AddOrUpdate((string?)eventData.Payload[typeIndex] ?? "?", amount, (_, sum) => sum + amount);
    }
}
