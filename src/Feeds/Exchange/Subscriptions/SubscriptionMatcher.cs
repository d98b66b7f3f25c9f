using TgeSwarm.Feeds.Exchange.Scripts;

namespace TgeSwarm.Feeds.Exchange.Subscriptions;

/// <summary>
/// Checks a client's subscriptions against the recorded connections at the path it connected to. Every key must be
/// one some recorded connection subscribed to (else a mismatch, naming the key); the recorded connections sharing a
/// key with the client are selected. The match is exact when the client holds precisely the selected connections'
/// subscriptions, which is when the replay can start without waiting for more.
/// </summary>
internal sealed class SubscriptionMatcher(IReadOnlyList<PreparedConnection> candidates)
{
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Subscribed => _subscribed;

    /// <summary>Adds keys; returns those no candidate recorded (nothing is added then).</summary>
    public List<string> Add(IEnumerable<string> keys)
    {
        var unknown = keys.Where(k => !candidates.Any(c => c.Keys.Contains(k))).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            _subscribed.UnionWith(keys);
        }

        return unknown;
    }

    public void Remove(IEnumerable<string> keys) => _subscribed.ExceptWith(keys);

    public List<PreparedConnection> Selected => [.. candidates.Where(c => c.Keys.Overlaps(_subscribed))];

    public bool IsExact
    {
        get
        {
            var selected = Selected;
            return selected.Count > 0 && selected.All(c => c.Keys.IsSubsetOf(_subscribed));
        }
    }

    /// <summary>A short account of what the recording subscribed at this path, for close reasons and logs.</summary>
    public string Recorded(int limit)
    {
        var keys = candidates.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return keys.Count <= limit ? string.Join(", ", keys) : $"{string.Join(", ", keys.Take(limit))} and {keys.Count - limit} more";
    }
}
