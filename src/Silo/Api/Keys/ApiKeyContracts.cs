namespace TgeSwarm.Silo.Api.Keys;

/// <summary><c>POST /api/keys</c>: a name for people (who holds the key) and the role it grants.</summary>
internal sealed record CreateApiKeyRequest(string? Name, string? Role);

/// <summary>A key as listed: never the key itself.</summary>
internal sealed record ApiKeyInfo(string Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The answer to a creation, the only time <see cref="Key"/> is ever shown.</summary>
internal sealed record CreatedApiKey(string Id, string Name, string Role, DateTimeOffset CreatedAt, string Key);

/// <summary>The key a request was made with (<c>GET /api/keys/current</c>): what the dashboard shows after login.</summary>
internal sealed record CurrentApiKey(string Id, string Name, string Role);
