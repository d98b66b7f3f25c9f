namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>
/// A state as stored: exactly one of the two columns is set. <paramref name="Json"/> is the <c>jsonb</c> column's
/// document as UTF-8, which is what System.Text.Json writes and reads natively, so no UTF-16 string is made on the way.
/// </summary>
internal readonly record struct GrainStatePayload(byte[]? Json, byte[]? Binary);
