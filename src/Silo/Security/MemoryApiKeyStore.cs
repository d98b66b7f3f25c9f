namespace TgeSwarm.Silo.Security;

/// <summary>The embedded default's keys: gone when the process ends, like everything else it keeps.</summary>
internal sealed class MemoryApiKeyStore : IApiKeyStore
{
    private readonly Lock _lock = new();
    private readonly List<ApiKeyRecord> _keys = [];

    public Task SaveAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _keys.FindIndex(k => k.Id == key.Id);
            if (index >= 0)
            {
                _keys[index] = key;
            }
            else
            {
                _keys.Add(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task<ApiKeyRecord?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Every stored hash is compared in full, so the time taken does not depend on which key matched.
            ApiKeyRecord? found = null;
            foreach (var key in _keys)
            {
                if (ApiKeySecret.HashesEqual(key.Hash, hash))
                {
                    found = key;
                }
            }

            return Task.FromResult(found);
        }
    }

    public Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_keys.Find(k => k.Id == id));
        }
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ApiKeyRecord>>(_keys.ToArray());
        }
    }

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _keys.FindIndex(k => k.Id == id);
            if (index < 0)
            {
                return Task.FromResult(false);
            }

            if (_keys[index].RevokedAt is null)
            {
                _keys[index] = _keys[index] with { RevokedAt = at };
            }

            return Task.FromResult(true);
        }
    }
}
