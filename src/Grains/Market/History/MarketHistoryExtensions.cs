using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Market.History;

/// <summary>Turns on the recording of closed bars to PostgreSQL.</summary>
public static class MarketHistoryExtensions
{
    /// <summary>
    /// Records every closed bar in <c>market_bars</c> (the schema is applied by the runtime's PostgreSQL migrations,
    /// <c>db/migrations/0006_market_bars.sql</c>; a silo using PostgreSQL for clustering or storage applies them
    /// on start). Options from <c>Market:History</c> when <paramref name="configuration"/> is given.
    /// </summary>
    public static ISiloBuilder AddMarketHistory(this ISiloBuilder silo, Action<MarketHistoryOptions> configure, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configure);
        var options = silo.Services.AddOptions<MarketHistoryOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(MarketHistoryOptions.SectionName));
        }

        options.Configure(configure);
        silo.Services.AddSingleton<IValidateOptions<MarketHistoryOptions>, MarketHistoryOptionsValidator>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<PostgresBarHistory>();
        silo.Services.Replace(ServiceDescriptor.Singleton<IBarHistorySink>(static sp => sp.GetRequiredService<PostgresBarHistory>()));
        silo.Services.AddSingleton<ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<PostgresBarHistory>());
        return silo;
    }
}
