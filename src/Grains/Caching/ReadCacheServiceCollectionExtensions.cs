using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Caching;

public static class ReadCacheServiceCollectionExtensions
{
    /// <summary>
    /// Registers the silo's <see cref="IReadCacheFactory"/> (a singleton: one set of caches per silo) with its options
    /// validator and metrics. Configure caches by name: <c>services.Configure&lt;ReadCacheOptions&gt;("features", o =&gt; …)</c>.
    /// </summary>
    public static IServiceCollection AddReadCaches(this IServiceCollection services, Action<ReadCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReadCacheOptions>();
        if (configure is not null)
        {
            services.ConfigureAll(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReadCacheOptions>, ReadCacheOptionsValidator>());
        services.TryAddSingleton<ReadCacheInstruments>();
        services.TryAddSingleton<IReadCacheFactory, ReadCacheFactory>();
        return services;
    }
}
