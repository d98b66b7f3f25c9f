using TgeSwarm.Runtime.Dashboard.Metrics;

namespace TgeSwarm.Runtime.Dashboard.Tests.Metrics;

public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("swarm.calls.completed", null, "Counter", "swarm_calls_completed_total")]
    [InlineData("swarm.network.bytes.sent", "By", "Counter", "swarm_network_bytes_sent_bytes_total")]
    [InlineData("swarm.market.latency", "ms", "Histogram", "swarm_market_latency_milliseconds")]
    [InlineData("swarm.reminders.tardiness", "s", "Histogram", "swarm_reminders_tardiness_seconds")]
    [InlineData("swarm.market.events", "{event}", "Counter", "swarm_market_events_total")]
    [InlineData("swarm.read_cache.entries", "{entry}", "LastValue", "swarm_read_cache_entries")]
    [InlineData("swarm.queue-depth", "1", "Sum", "swarm_queue_depth")]
    [InlineData("9lives.total", null, "Counter", "_9lives_total")]
    [InlineData("requests", "req/s", "LastValue", "requests_req_s")]
    public void Instrument_names_and_units_become_Prometheus_names(string instrument, string? unit, string kind, string expected) =>
        Assert.Equal(expected, PrometheusNames.Metric(instrument, unit, Enum.Parse<MetricKind>(kind)));

    [Fact]
    public void Label_names_lose_what_Prometheus_does_not_allow_including_colons() =>
        Assert.Equal("shard_id_x", PrometheusNames.Label("shard.id:x"));
}
