namespace TgeSwarm.Runtime.Networking;

/// <summary>Who is at one end of a connection: a silo (address with generation) or an external client (its id).</summary>
internal sealed class PeerIdentity : IEquatable<PeerIdentity>
{
    private PeerIdentity(ConnectionRole role, SiloAddress? silo, string? clientId)
    {
        Role = role;
        Silo = silo;
        ClientId = clientId;
    }

    public ConnectionRole Role { get; }

    /// <summary>The silo's address, or null for a client.</summary>
    public SiloAddress? Silo { get; }

    /// <summary>The client's id, or null for a silo.</summary>
    public string? ClientId { get; }

    public static PeerIdentity ForSilo(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return new PeerIdentity(ConnectionRole.Silo, silo, null);
    }

    public static PeerIdentity ForClient(string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return new PeerIdentity(ConnectionRole.Client, null, clientId);
    }

    /// <summary>The identity as the handshake carries it: a silo address string, or the client id.</summary>
    internal string WireValue => Silo?.ToString() ?? ClientId!;

    public bool Equals(PeerIdentity? other) =>
        other is not null && Role == other.Role && Equals(Silo, other.Silo) && string.Equals(ClientId, other.ClientId, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is PeerIdentity other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Role, Silo, ClientId);

    public override string ToString() => Silo is not null ? $"silo {Silo}" : $"client {ClientId}";
}
