namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>A state as stored: exactly one of the two columns is set.</summary>
internal readonly record struct GrainStatePayload(string? Json, byte[]? Binary);
