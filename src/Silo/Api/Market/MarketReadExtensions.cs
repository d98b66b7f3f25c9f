using TgeSwarm.Grains.Caching;

namespace TgeSwarm.Silo.Api.Market;

internal static class MarketReadExtensions
{
    public const string ReadCacheSection = "Api:ReadCache";

    /// <summary>The API's market read caches, both configured from <c>Api:ReadCache</c> (Policy, Capacity, DefaultTtl).</summary>
    public static IServiceCollection AddMarketReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReadCaches();
        var section = configuration.GetSection(ReadCacheSection);
        services.Configure<ReadCacheOptions>(MarketReads.FeaturesCache, section);
        services.Configure<ReadCacheOptions>(MarketReads.BarsCache, section);
        services.AddSingleton<MarketReads>();
        return services;
    }
}
