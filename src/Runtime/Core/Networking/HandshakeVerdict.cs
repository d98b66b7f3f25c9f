namespace TgeSwarm.Runtime.Networking;

/// <summary>The closing frame of a handshake: accepted, or refused with a reason both sides log.</summary>
internal sealed record HandshakeVerdict(bool Accepted, HandshakeRefusal Refusal, string Detail);
