namespace TgeSwarm.Runtime.Networking;

/// <summary>What the peer at the other end of a connection is; sent in the handshake.</summary>
internal enum ConnectionRole : byte
{
    Silo = 1,
    Client = 2,
}
