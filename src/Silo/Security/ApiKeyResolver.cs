using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Caching;
using TgeSwarm.Silo.Configuration;

namespace TgeSwarm.Silo.Security;

/// <summary>
/// Finds the stored key for a presented one, remembering the answer (found, revoked or unknown) for
/// <see cref="ApiOptions.KeyCacheTtl"/> so a busy client costs PostgreSQL one lookup per TTL rather than per request.
/// A revocation on this silo is seen at once (<see cref="Forget"/>); on another silo within the TTL.
/// </summary>
internal sealed class ApiKeyResolver(IApiKeyStore store, IReadCacheFactory caches, IOptions<ApiOptions> options)
{
    public const string CacheName = "api-keys";

    private readonly IReadCache<string, ApiKeyLookup> _cache = caches.GetOrCreate<string, ApiKeyLookup>(CacheName);
    private readonly TimeSpan _ttl = options.Value.KeyCacheTtl;

    public async ValueTask<ApiKeyRecord?> FindAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecret.Hash(presentedKey);
        var cacheKey = Convert.ToHexString(hash);
        if (_ttl > TimeSpan.Zero && _cache.TryGet(cacheKey, out var cached))
        {
            return cached.Key;
        }

        var found = await store.FindByHashAsync(hash, cancellationToken);
        if (_ttl > TimeSpan.Zero)
        {
            _cache.Set(cacheKey, new ApiKeyLookup(found), _ttl);
        }

        return found;
    }

    public void Forget(byte[] hash) => _cache.Remove(Convert.ToHexString(hash));

    /// <summary>A lookup's answer, null included: an unknown key is remembered too, so guessing costs no query per guess.</summary>
    internal sealed record ApiKeyLookup(ApiKeyRecord? Key);
}
