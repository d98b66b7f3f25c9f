using System.Globalization;

namespace TgeSwarm.Runtime;

/// <summary>
/// The identity of a grain: its grain type and its key, written <c>type/key</c> as Orleans writes it.
/// Integer keys are upper-case hexadecimal, Guid keys 32 digits ("N"), compound keys <c>key+extension</c>.
/// The hash is computed once and is stable across processes and runs, because placement and the directory
/// are built on it.
/// </summary>
public readonly struct GrainId : IEquatable<GrainId>, IComparable<GrainId>, ISpanFormattable
{
    private readonly int _hash;

    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        if (type.Contains('/'))
        {
            throw new ArgumentException($"A grain type may not contain '/': '{type}'.", nameof(type));
        }

        Type = type;
        Key = key;
        _hash = StableHash.Combine(StableHash.Of(type), StableHash.Of(key));
    }

    /// <summary>The grain type name, e.g. <c>counter</c> for <c>ICounterGrain</c>.</summary>
    public string Type { get; }

    /// <summary>The key as text in its canonical encoding.</summary>
    public string Key { get; }

    public bool IsDefault => Type is null;

    public static GrainId Create(string type, string key) => new(type, key);

    public static GrainId Create(string type, long key, string? extension = null) =>
        new(type, Compound(key.ToString("X", CultureInfo.InvariantCulture), extension));

    public static GrainId Create(string type, Guid key, string? extension = null) =>
        new(type, Compound(key.ToString("N", CultureInfo.InvariantCulture), extension));

    /// <summary>Parses the <c>type/key</c> form produced by <see cref="ToString()"/>.</summary>
    public static GrainId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{value}' is not a grain id: expected 'type/key'.");
        }

        return new GrainId(value[..slash], value[(slash + 1)..]);
    }

    /// <summary>A hash that is the same in every process, unlike <see cref="string.GetHashCode()"/>.</summary>
    public uint GetUniformHashCode() => unchecked((uint)_hash);

    public bool Equals(GrainId other) =>
        _hash == other._hash && string.Equals(Type, other.Type, StringComparison.Ordinal) && string.Equals(Key, other.Key, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GrainId other && Equals(other);

    public override int GetHashCode() => _hash;

    public int CompareTo(GrainId other)
    {
        var byType = string.CompareOrdinal(Type, other.Type);
        return byType != 0 ? byType : string.CompareOrdinal(Key, other.Key);
    }

    public override string ToString() => IsDefault ? "(none)" : string.Concat(Type, "/", Key);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        if (IsDefault)
        {
            // Same text as ToString(); returning false here would make interpolation grow its buffer forever.
            const string none = "(none)";
            if (!none.AsSpan().TryCopyTo(destination))
            {
                return false;
            }

            charsWritten = none.Length;
            return true;
        }

        if (destination.Length < Type.Length + 1 + Key.Length)
        {
            return false;
        }

        Type.AsSpan().CopyTo(destination);
        destination[Type.Length] = '/';
        Key.AsSpan().CopyTo(destination[(Type.Length + 1)..]);
        charsWritten = Type.Length + 1 + Key.Length;
        return true;
    }

    public static bool operator ==(GrainId left, GrainId right) => left.Equals(right);

    public static bool operator !=(GrainId left, GrainId right) => !left.Equals(right);

    public static bool operator <(GrainId left, GrainId right) => left.CompareTo(right) < 0;

    public static bool operator >(GrainId left, GrainId right) => left.CompareTo(right) > 0;

    public static bool operator <=(GrainId left, GrainId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(GrainId left, GrainId right) => left.CompareTo(right) >= 0;

    private static string Compound(string key, string? extension) =>
        extension is null ? key : string.Concat(key, "+", extension);
}
