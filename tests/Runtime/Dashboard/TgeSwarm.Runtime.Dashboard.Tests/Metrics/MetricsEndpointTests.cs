using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Dashboard.Tests.Hosting;

namespace TgeSwarm.Runtime.Dashboard.Tests.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_answers_in_the_Prometheus_text_format_with_what_the_host_recorded()
    {
        await using var host = await DashboardTestHost.StartAsync();
        var meter = host.Services.GetRequiredService<IMeterFactory>().Create("TgeSwarm.Runtime");
        meter.CreateCounter<long>("swarm.calls.completed").Add(42);
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var parsed = PrometheusText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("counter", parsed.Types["swarm_calls_completed_total"]);
        Assert.Equal(42, parsed.Single("swarm_calls_completed_total").Value);
    }
}
