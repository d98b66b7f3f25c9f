namespace TgeSwarm.Silo.Security;

/// <summary>Creates and revokes keys: the admin endpoints and the start-up bootstrap go through here.</summary>
internal sealed partial class ApiKeyIssuer(IApiKeyStore store, ApiKeyResolver resolver, TimeProvider time, ILogger<ApiKeyIssuer> logger)
{
    /// <summary>The id of the key given by <c>Api:AdminKey</c>: re-written from configuration on every start, so not revocable by the API.</summary>
    public const string ConfiguredAdminId = "config-admin";

    /// <summary>A new key; the returned secret exists nowhere else and cannot be shown again.</summary>
    public async Task<(ApiKeyRecord Record, string Secret)> CreateAsync(string name, ApiRole role, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecret.NewKey();
        var record = new ApiKeyRecord(ApiKeySecret.NewId(), name, role, ApiKeySecret.Hash(secret), time.GetUtcNow(), RevokedAt: null);
        await store.SaveAsync(record, cancellationToken);
        LogCreated(logger, record.Id, record.Name, ApiRoles.Name(role));
        return (record, secret);
    }

    /// <summary>Stores <paramref name="secret"/> as an admin key under <paramref name="id"/> (the bootstrap keys).</summary>
    public async Task<ApiKeyRecord> AddAdminAsync(string id, string name, string secret, CancellationToken cancellationToken)
    {
        var record = new ApiKeyRecord(id, name, ApiRole.Admin, ApiKeySecret.Hash(secret), time.GetUtcNow(), RevokedAt: null);
        await store.SaveAsync(record, cancellationToken);
        return record;
    }

    public async Task<RevokeOutcome> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        if (id == ConfiguredAdminId)
        {
            return RevokeOutcome.Configured;
        }

        var key = await store.GetAsync(id, cancellationToken);
        if (key is null || !await store.RevokeAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return RevokeOutcome.NotFound;
        }

        resolver.Forget(key.Hash);
        LogRevoked(logger, id, key.Name);
        return RevokeOutcome.Revoked;
    }

    [LoggerMessage(EventId = Api.ApiEventIds.KeyCreated, Level = LogLevel.Information, Message = "API key {Id} '{Name}' created with role {Role}")]
    private static partial void LogCreated(ILogger logger, string id, string name, string role);

    [LoggerMessage(EventId = Api.ApiEventIds.KeyRevoked, Level = LogLevel.Information, Message = "API key {Id} '{Name}' revoked")]
    private static partial void LogRevoked(ILogger logger, string id, string name);
}
