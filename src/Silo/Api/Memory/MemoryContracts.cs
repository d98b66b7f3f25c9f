using System.Text.Json;

namespace TgeSwarm.Silo.Api.Memory;

/// <summary><c>PUT /api/memory/{ns}/{key}</c>: any JSON value; an optional lifetime and the version the caller read (0: must not exist).</summary>
internal sealed record SetMemoryRequest(JsonElement? Value, double? TtlSeconds, long? ExpectedVersion);

/// <summary>The entry's version after a write: pass it back as <c>expectedVersion</c> for the next conditional write.</summary>
internal sealed record MemoryWritten(string Namespace, string Key, long Version);
