namespace TgeSwarm.Grains.Caching;

/// <summary>The silo's read caches by name: one instance per name per silo, configured by the named <see cref="ReadCacheOptions"/>.</summary>
public interface IReadCacheFactory
{
    /// <summary>The cache called <paramref name="name"/>, created on first use with the options of that name.</summary>
    /// <exception cref="InvalidOperationException">The name is already in use with other key or value types.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options of that name are invalid.</exception>
    IReadCache<TKey, TValue> GetOrCreate<TKey, TValue>(string name)
        where TKey : notnull;
}
