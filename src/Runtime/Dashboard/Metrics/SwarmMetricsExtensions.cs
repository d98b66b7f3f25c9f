using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>Entry points of the Prometheus endpoint.</summary>
public static class SwarmMetricsExtensions
{
    /// <summary>
    /// Starts the silo's metrics listener (one per host; calling this again only adds <paramref name="configure"/>)
    /// and makes <see cref="ISwarmMetricsReader"/> available.
    /// </summary>
    public static IServiceCollection AddSwarmMetrics(this IServiceCollection services, Action<SwarmMetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SwarmMetricsOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SwarmMetricsOptions>, SwarmMetricsOptionsValidator>());
        services.TryAddSingleton<MetricsCollector>();
        services.TryAddSingleton<ISwarmMetricsReader>(static sp => sp.GetRequiredService<MetricsCollector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MetricsCollectorStarter>());
        return services;
    }

    /// <summary>
    /// Maps <paramref name="pattern"/> (default <c>/metrics</c>) to the Prometheus text format. Anonymous unless the
    /// host adds a requirement on the returned builder (Prometheus scrapers usually carry no credentials).
    /// </summary>
    public static IEndpointConventionBuilder MapSwarmMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        return endpoints.MapGet(pattern, static (HttpContext context, MetricsCollector collector) =>
        {
            var body = PrometheusTextWriter.Write(collector.Collect(), collector.SeriesOverflow);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(body, PrometheusTextWriter.ContentType);
        })
        .WithDisplayName("Swarm metrics (Prometheus)")
        .ExcludeFromDescription();
    }
}
