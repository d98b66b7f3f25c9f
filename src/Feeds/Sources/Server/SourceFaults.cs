namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>The faults queued per source; each request takes the first that still has uses left.</summary>
internal sealed class SourceFaults
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Entry>> _bySource = new(StringComparer.Ordinal);

    public static IEnumerable<string> Problems(LocalSourceFault fault)
    {
        if (!Enum.IsDefined(fault.Kind))
        {
            yield return $"Fault on '{fault.SourceId}' has unknown kind {fault.Kind}.";
        }

        if (fault.Times is <= 0)
        {
            yield return $"Fault {fault.Kind} on '{fault.SourceId}': Times must be positive or null (was {fault.Times}).";
        }

        if (fault.Delay < TimeSpan.Zero || fault.RetryAfter < TimeSpan.Zero)
        {
            yield return $"Fault {fault.Kind} on '{fault.SourceId}': Delay and RetryAfter must not be negative.";
        }
    }

    public void Add(LocalSourceFault fault)
    {
        lock (_lock)
        {
            if (!_bySource.TryGetValue(fault.SourceId, out var list))
            {
                list = [];
                _bySource.Add(fault.SourceId, list);
            }

            list.Add(new Entry(fault, fault.Times));
        }
    }

    public void Clear(string sourceId)
    {
        lock (_lock)
        {
            _bySource.Remove(sourceId);
        }
    }

    public LocalSourceFault? Take(string sourceId)
    {
        lock (_lock)
        {
            if (!_bySource.TryGetValue(sourceId, out var list) || list.Count == 0)
            {
                return null;
            }

            var entry = list[0];
            if (entry.Remaining is { } remaining)
            {
                if (remaining <= 1)
                {
                    list.RemoveAt(0);
                }
                else
                {
                    entry.Remaining = remaining - 1;
                }
            }

            return entry.Fault;
        }
    }

    /// <summary>True when a redirect-loop fault is queued first for the source (the loop path does not use it up).</summary>
    public bool IsLooping(string sourceId)
    {
        lock (_lock)
        {
            return _bySource.TryGetValue(sourceId, out var list) && list.Count > 0 && list[0].Fault.Kind == LocalSourceFaultKind.RedirectLoop;
        }
    }

    private sealed class Entry(LocalSourceFault fault, int? remaining)
    {
        public LocalSourceFault Fault { get; } = fault;

        public int? Remaining { get; set; } = remaining;
    }
}
