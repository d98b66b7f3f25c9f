using Microsoft.Extensions.Hosting;

namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>Creates the listener when the host starts, so counting begins then and not at the first scrape.</summary>
internal sealed class MetricsCollectorStarter(MetricsCollector collector) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(collector);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
