using System.Text;

namespace TgeSwarm.EndToEnd.Tests.Memory;

/// <summary>
/// Every acknowledged write per namespace, in the order it was acknowledged (one request per namespace at a time, so
/// that order is the order the grain ran them), and the writes sent since the last acknowledgement whose outcome is
/// unknown. Each write names the version last acknowledged, so the grain applies it only on top of that write: an
/// acknowledged version must be above every earlier one, and a refusal (409) must be explained by one of the unknown
/// writes having landed. Anything else means an acknowledged write was lost.
/// </summary>
internal sealed class MemoryLedger
{
    private readonly Dictionary<string, History> _namespaces;
    private int _resyncs;

    public MemoryLedger(IEnumerable<string> namespaces) =>
        _namespaces = namespaces.ToDictionary(ns => ns, _ => new History(), StringComparer.Ordinal);

    public IReadOnlyCollection<string> Namespaces => _namespaces.Keys;

    /// <summary>How many refused writes an unacknowledged write that had landed explained.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>The next value to write (unique per namespace) and the version it must land on.</summary>
    public (long Value, long ExpectedVersion) NextWrite(string ns)
    {
        var history = _namespaces[ns];
        return (++history.LastValueSent, LastVersion(ns));
    }

    /// <summary>Records an acknowledged write; throws when its version does not come after every earlier one.</summary>
    public void Acknowledge(MemoryReply reply, string phase)
    {
        var history = _namespaces[reply.Namespace];
        if (reply.Version <= LastVersion(reply.Namespace))
        {
            throw new InvalidOperationException(
                $"{phase}: {reply.Namespace} acknowledged version {reply.Version} after it had acknowledged {LastVersion(reply.Namespace)}: " +
                $"an acknowledged write was lost. History: {Describe(reply.Namespace)}");
        }

        history.Acknowledged.Add(reply);
        history.Unknown.Clear();
    }

    /// <summary>A write that was not acknowledged: it may have landed.</summary>
    public void Unacknowledged(string ns, long value) => _namespaces[ns].Unknown.Add(value);

    /// <summary>
    /// After a 409, what the entry holds (<paramref name="read"/>) must be one of the writes sent since the last
    /// acknowledgement, at a later version; it becomes the base of the next write.
    /// </summary>
    public void Resync(MemoryReply read, string phase)
    {
        var history = _namespaces[read.Namespace];
        if (read.Version <= LastVersion(read.Namespace) || !history.Unknown.Contains(read.Value))
        {
            throw new InvalidOperationException(
                $"{phase}: {read.Namespace} refused a write on version {LastVersion(read.Namespace)} and holds {read.Value}@v{read.Version}, " +
                $"which no unacknowledged write ({string.Join(", ", history.Unknown)}) explains: an acknowledged write was lost. " +
                $"History: {Describe(read.Namespace)}");
        }

        history.Acknowledged.Add(read);
        history.Unknown.Clear();
        // Namespaces run side by side; each one's history is its own, this count is shared.
        Interlocked.Increment(ref _resyncs);
    }

    public int Count(string ns) => _namespaces[ns].Acknowledged.Count;

    public long LastVersion(string ns) => _namespaces[ns].Acknowledged is { Count: > 0 } acknowledged ? acknowledged[^1].Version : 0;

    public long LastValue(string ns) => _namespaces[ns].Acknowledged is { Count: > 0 } acknowledged ? acknowledged[^1].Value : 0;

    public string Describe(string ns)
    {
        var text = new StringBuilder();
        foreach (var reply in _namespaces[ns].Acknowledged)
        {
            text.Append(reply.Value).Append("@v").Append(reply.Version).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    private sealed class History
    {
        public List<MemoryReply> Acknowledged { get; } = [];

        public HashSet<long> Unknown { get; } = [];

        public long LastValueSent { get; set; }
    }
}
