namespace TgeSwarm.Silo.Security;

/// <summary>Where API keys are kept: PostgreSQL for a cluster member (every silo sees every key), memory on the embedded default.</summary>
internal interface IApiKeyStore
{
    /// <summary>Adds a key; a record with the same id replaces the stored one (the configured admin key on every start).</summary>
    Task SaveAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key whose SHA-256 is <paramref name="hash"/>, revoked or not; null when none.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every key, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks the key revoked at <paramref name="at"/>; false when there is no such key. Revoking twice keeps the first time.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
