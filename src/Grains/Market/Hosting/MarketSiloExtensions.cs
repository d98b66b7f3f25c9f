using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Market.Features;
using TgeSwarm.Grains.Market.History;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Grains.Market.Windows;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Market.Hosting;

/// <summary>Adds the market-data pipeline's agents and services to a silo.</summary>
public static class MarketSiloExtensions
{
    /// <summary>
    /// Registers the market grains' services and options, bound from <paramref name="configuration"/>'s
    /// <c>Market</c> section when given (<c>Market:Ingestion</c>, <c>Market:Validation</c>, <c>Market:Features</c>,
    /// <c>Market:Windows</c>, <c>Market:Pipeline</c>, <c>Market:Console</c>). The stages talk over the stream provider
    /// named <see cref="Interfaces.Market.MarketStreamNames.Provider"/>, which the host adds (memory streams for one
    /// silo: <c>silo.AddMemoryStreams("market")</c>), and it adds this assembly's grains (<c>AddGrainAssembly</c>);
    /// ingestion shards also need a reminder service.
    /// </summary>
    public static ISiloBuilder AddMarketPipeline(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var services = silo.Services;
        services.TryAddSingleton<MarketInstruments>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBarHistorySink, DiscardingBarHistory>();
        services.AddHttpClient();
        Bind<MarketIngestionOptions>(services, configuration, MarketIngestionOptions.SectionName);
        Bind<MarketValidationOptions>(services, configuration, "Market:Validation");
        Bind<FeatureOptions>(services, configuration, "Market:Features");
        Bind<WindowOptions>(services, configuration, "Market:Windows");
        Bind<MarketPipelineOptions>(services, configuration, MarketPipelineOptions.SectionName);
        Bind<MarketConsoleOptions>(services, configuration, MarketConsoleOptions.SectionName);
        services.AddSingleton<IValidateOptions<MarketIngestionOptions>, MarketIngestionOptionsValidator>();
        services.AddSingleton<IValidateOptions<MarketPipelineOptions>, MarketPipelineOptionsValidator>();
        services.AddSingleton<IValidateOptions<MarketValidationOptions>, MarketValidationOptionsValidator>();
        services.AddSingleton<IValidateOptions<FeatureOptions>, FeatureOptionsValidator>();
        services.AddSingleton<IValidateOptions<WindowOptions>, WindowOptionsValidator>();
        services.AddSingleton<ISiloLifecycleParticipant, MarketIngestionBootstrap>();
        services.AddSingleton<ISiloLifecycleParticipant, MarketConsoleReporter>();
        return silo;
    }

    private static void Bind<TOptions>(IServiceCollection services, IConfiguration? configuration, string section)
        where TOptions : class
    {
        var builder = services.AddOptions<TOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            builder.Bind(configuration.GetSection(section));
        }
    }
}
