using System.Globalization;
using System.Net;

namespace TgeSwarm.Runtime;

/// <summary>
/// A silo's identity: its endpoint and a generation (seconds since 2026-01-01 at start-up), so a silo restarted
/// on the same endpoint is a new member and messages for its previous life are refused. Written
/// <c>S127.0.0.1:11111:27000000</c>.
/// </summary>
public sealed class SiloAddress : IEquatable<SiloAddress>, IComparable<SiloAddress>
{
    private static readonly DateTimeOffset GenerationEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public SiloAddress(IPEndPoint endpoint, int generation)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        Generation = generation;
    }

    public IPEndPoint Endpoint { get; }

    public int Generation { get; }

    /// <summary>A generation for a silo starting at <paramref name="now"/>.</summary>
    public static int NewGeneration(DateTimeOffset now) => (int)Math.Max(1, (now - GenerationEpoch).TotalSeconds);

    public static SiloAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var lastColon = value.LastIndexOf(':');
        if (!value.StartsWith('S') || lastColon <= 1
            || !int.TryParse(value.AsSpan(lastColon + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var generation)
            || !IPEndPoint.TryParse(value[1..lastColon], out var endpoint))
        {
            throw new FormatException($"'{value}' is not a silo address: expected 'S<ip>:<port>:<generation>'.");
        }

        return new SiloAddress(endpoint, generation);
    }

    public bool Equals(SiloAddress? other) => other is not null && Generation == other.Generation && Endpoint.Equals(other.Endpoint);

    /// <summary>Same endpoint, whatever the generation.</summary>
    public bool IsSameEndpoint(SiloAddress other) => other is not null && Endpoint.Equals(other.Endpoint);

    public override bool Equals(object? obj) => obj is SiloAddress other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Endpoint, Generation);

    public int CompareTo(SiloAddress? other) =>
        other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"S{Endpoint}:{Generation}");
}
