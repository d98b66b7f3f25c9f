using TgeSwarm.Feeds.Exchange.Recording;

namespace TgeSwarm.Feeds.Exchange.Serving;

/// <summary>
/// The recorded REST bodies by path and query. Query parameters match in any order (empty ones, like Bybit's
/// leading <c>?&amp;</c>, are ignored); a URL recorded several times answers with its bodies in turn. Thread-safe.
/// </summary>
internal sealed class RestResponder
{
    private readonly Dictionary<string, byte[][]> _bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly long[] _served;

    public RestResponder(IReadOnlyList<RecordedHttp> http)
    {
        foreach (var group in http.GroupBy(h => Canonical(h.Url.AbsolutePath, h.Url.Query), StringComparer.Ordinal))
        {
            _bodies.Add(group.Key, [.. group.Select(static h => h.Body)]);
            _slots.Add(group.Key, _slots.Count);
        }

        Recorded = [.. http.Select(static h => h.Url.PathAndQuery).Distinct(StringComparer.Ordinal)];
        _served = new long[_slots.Count];
    }

    /// <summary>Every recorded path and query, in recorded order.</summary>
    public IReadOnlyList<string> Recorded { get; }

    public bool TryRespond(string path, string query, out byte[] body)
    {
        var key = Canonical(path, query);
        if (!_bodies.TryGetValue(key, out var bodies))
        {
            body = [];
            return false;
        }

        var turn = Interlocked.Increment(ref _served[_slots[key]]) - 1;
        body = bodies[turn % bodies.Length];
        return true;
    }

    public static string Canonical(string path, string query)
    {
        var parameters = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        return (string.IsNullOrEmpty(path) ? "/" : path) + "?" + string.Join('&', parameters);
    }
}
