namespace TgeSwarm.Runtime.Streams;

/// <summary>The explicit subscriptions a producer delivers to, with the snapshot version they came from.</summary>
internal sealed class SubscriptionSet(Guid epoch, long version, StreamTarget[] targets)
{
    public static SubscriptionSet Empty { get; } = new(Guid.Empty, -1, []);

    public Guid Epoch { get; } = epoch;

    public long Version { get; } = version;

    public StreamTarget[] Targets { get; } = targets;

    /// <summary>Whether this set should replace <paramref name="current"/>: a later version, or a new epoch.</summary>
    public bool Supersedes(SubscriptionSet? current) =>
        current is null || current.Epoch != Epoch || Version > current.Version;
}
