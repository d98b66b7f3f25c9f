using System.Globalization;

namespace TgeSwarm.Runtime;

/// <summary>
/// The identity of a stream: a namespace (what kind of events, e.g. <c>market.raw</c>) and a key (whose events,
/// e.g. <c>binance</c>). An implicit subscriber grain is the grain whose key equals the stream key, so Guid and
/// integer keys are written exactly as <see cref="GrainId"/> writes them. The hash is stable across processes,
/// because queues and producers are chosen by it.
/// </summary>
public readonly struct StreamId : IEquatable<StreamId>, IComparable<StreamId>
{
    private readonly int _hash;

    private StreamId(string streamNamespace, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamNamespace);
        ArgumentNullException.ThrowIfNull(key);
        if (streamNamespace.Contains('/'))
        {
            throw new ArgumentException($"A stream namespace may not contain '/': '{streamNamespace}'.", nameof(streamNamespace));
        }

        Namespace = streamNamespace;
        Key = key;
        _hash = StableHash.Combine(StableHash.Of(streamNamespace), StableHash.Of(key));
    }

    public string Namespace { get; }

    /// <summary>The key as text, in the encoding <see cref="GrainId"/> uses for the same key.</summary>
    public string Key { get; }

    public bool IsDefault => Namespace is null;

    public static StreamId Create(string streamNamespace, string key) => new(streamNamespace, key);

    public static StreamId Create(string streamNamespace, Guid key) => new(streamNamespace, key.ToString("N", CultureInfo.InvariantCulture));

    public static StreamId Create(string streamNamespace, long key) => new(streamNamespace, key.ToString("X", CultureInfo.InvariantCulture));

    /// <summary>Parses the <c>namespace/key</c> form produced by <see cref="ToString"/>.</summary>
    public static StreamId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0
            ? new StreamId(value[..slash], value[(slash + 1)..])
            : throw new FormatException($"'{value}' is not a stream id: expected 'namespace/key'.");
    }

    /// <summary>A hash that is the same in every process.</summary>
    public uint GetUniformHashCode() => unchecked((uint)_hash);

    public bool Equals(StreamId other) =>
        _hash == other._hash
        && string.Equals(Namespace, other.Namespace, StringComparison.Ordinal)
        && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is StreamId other && Equals(other);

    public override int GetHashCode() => _hash;

    public int CompareTo(StreamId other)
    {
        var byNamespace = string.CompareOrdinal(Namespace, other.Namespace);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(Key, other.Key);
    }

    public override string ToString() => IsDefault ? "(default)" : $"{Namespace}/{Key}";

    public static bool operator ==(StreamId left, StreamId right) => left.Equals(right);

    public static bool operator !=(StreamId left, StreamId right) => !left.Equals(right);

    public static bool operator <(StreamId left, StreamId right) => left.CompareTo(right) < 0;

    public static bool operator >(StreamId left, StreamId right) => left.CompareTo(right) > 0;

    public static bool operator <=(StreamId left, StreamId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(StreamId left, StreamId right) => left.CompareTo(right) >= 0;
}
