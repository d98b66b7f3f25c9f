using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Tge.Performance;
using TgeSwarm.Grains.Tge.Reliability;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Tge.Sources.Hosting;

/// <summary>Adds the TGE sources and their host guards to a silo.</summary>
public static class TgeSourcesExtensions
{
    /// <summary>
    /// Registers the source and host guard grains' services and options, bound from <paramref name="configuration"/>
    /// when given: <c>Tge:Sources</c> (the list of sources started when the silo becomes active), <c>Tge:Hosts</c>
    /// (the host guards' policy, with <c>Tge:Hosts:PerHost:{host}</c> exceptions), <c>Tge:Polling</c> and
    /// <c>Tge:Performance</c> (the performance grain). Every
    /// section is validated at start-up. The host also adds the stream provider named
    /// <see cref="Interfaces.Tge.TgeStreamNames.Provider"/> (<c>silo.AddMemoryStreams("tge")</c>), a grain storage
    /// named <c>Default</c>, a reminder service, and this assembly's grains.
    /// </summary>
    public static IServiceCollection AddTgeSources(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HostGuardGrain.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // Redirects are followed by the fetch itself, to catch loops and know the final URL.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)

            // One line per request would drown the one line per state change the guards and sources write.
            .RemoveAllLoggers();

        var sources = services.AddOptions<TgeSourcesOptions>().ValidateOnStart();
        var hosts = services.AddOptions<HostGuardOptions>().ValidateOnStart();
        var polling = services.AddOptions<SourcePollingOptions>().ValidateOnStart();
        var performance = services.AddOptions<PerformanceOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            sources.Configure(o => configuration.GetSection(TgeSourcesOptions.SectionName).Bind(o.Sources));
            hosts.Bind(configuration.GetSection(HostGuardOptions.SectionName));
            polling.Bind(configuration.GetSection(SourcePollingOptions.SectionName));
            performance.Bind(configuration.GetSection(PerformanceOptions.SectionName));
        }

        services.AddSingleton<IValidateOptions<TgeSourcesOptions>, TgeSourcesOptionsValidator>();
        services.AddSingleton<IValidateOptions<HostGuardOptions>, HostGuardOptionsValidator>();
        services.AddSingleton<IValidateOptions<SourcePollingOptions>, SourcePollingOptionsValidator>();
        services.AddSingleton<IValidateOptions<PerformanceOptions>, PerformanceOptionsValidator>();
        services.AddSingleton<ISiloLifecycleParticipant, TgeSourcesBootstrap>();
        return services;
    }
}
