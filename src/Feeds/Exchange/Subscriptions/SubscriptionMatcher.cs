using TgeSwarm.Feeds.Exchange.Scripts;

namespace TgeSwarm.Feeds.Exchange.Subscriptions;

/// <summary>
/// Checks a client's subscriptions against the recorded connections at the path it connected to. Every key must be
/// one some recorded connection subscribed to (else a mismatch, naming the key); the recorded connections sharing a
/// key with the client are selected.
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

    /// <summary>
    /// Whether nothing more can be subscribed: the client holds every subscription recorded at this path. Only then
    /// can the replay start at once; otherwise (a subset, or one of several recorded connections at one path, as
    /// Kraken's three) it waits for the subscribes to settle.
    /// </summary>
    public bool IsComplete => _subscribed.Count > 0 && candidates.All(c => c.Keys.IsSubsetOf(_subscribed));

    /// <summary>A short account of what the recording subscribed at this path, for close reasons and logs.</summary>
    public string Recorded(int limit)
    {
        var keys = candidates.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return keys.Count <= limit ? string.Join(", ", keys) : $"{string.Join(", ", keys.Take(limit))} and {keys.Count - limit} more";
    }
}
