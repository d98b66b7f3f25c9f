using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Dashboard.Metrics;

namespace TgeSwarm.Runtime.Dashboard.Tests.Metrics;

public sealed class PrometheusExportTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly Meter _meter;

    public PrometheusExportTests()
    {
        _services = new ServiceCollection().AddSwarmMetrics(o => o.MaxSeriesPerInstrument = 3).BuildServiceProvider();
        _meter = _services.GetRequiredService<IMeterFactory>().Create("TgeSwarm.Test");
    }

    private MetricsCollector Collector => _services.GetRequiredService<MetricsCollector>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void A_counter_is_a_total_with_its_tags_as_escaped_labels()
    {
        var collector = Collector;
        var counter = _meter.CreateCounter<long>("test.jobs.done", unit: "{job}", description: "Jobs done.\nBy kind.");
        counter.Add(3, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(2, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(1, new KeyValuePair<string, object?>("kind", "we\"ird\\path\nline"), new KeyValuePair<string, object?>("shard.id", 7));

        var text = PrometheusTextWriter.Write(collector.Collect(), collector.SeriesOverflow);
        var parsed = PrometheusText.Parse(text);

        Assert.Equal("counter", parsed.Types["test_jobs_done_total"]);
        Assert.Equal("Jobs done.\\nBy kind.", parsed.Help["test_jobs_done_total"]);
        Assert.Equal(5, parsed.Single("test_jobs_done_total", ("kind", "a")).Value);
        Assert.Equal(1, parsed.Single("test_jobs_done_total", ("kind", "we\"ird\\path\nline"), ("shard_id", "7")).Value);
        Assert.Contains("test_jobs_done_total{kind=\"we\\\"ird\\\\path\\nline\",shard_id=\"7\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_histogram_has_cumulative_buckets_from_its_advice_a_sum_and_a_count()
    {
        var collector = Collector;
        var histogram = _meter.CreateHistogram<double>("test.latency", unit: "ms", description: "Latency.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10] });
        foreach (var value in new[] { 0.5, 3, 7, 20 })
        {
            histogram.Record(value);
        }

        var parsed = PrometheusText.Parse(PrometheusTextWriter.Write(collector.Collect(), collector.SeriesOverflow));

        Assert.Equal("histogram", parsed.Types["test_latency_milliseconds"]);
        Assert.Equal(1, parsed.Single("test_latency_milliseconds_bucket", ("le", "1")).Value);
        Assert.Equal(2, parsed.Single("test_latency_milliseconds_bucket", ("le", "5")).Value);
        Assert.Equal(3, parsed.Single("test_latency_milliseconds_bucket", ("le", "10")).Value);
        Assert.Equal(4, parsed.Single("test_latency_milliseconds_bucket", ("le", "+Inf")).Value);
        Assert.Equal(30.5, parsed.Single("test_latency_milliseconds_sum").Value);
        Assert.Equal(4, parsed.Single("test_latency_milliseconds_count").Value);
    }

    [Fact]
    public void Up_down_counters_and_gauges_are_gauges_and_an_observed_series_that_is_no_longer_reported_disappears()
    {
        var collector = Collector;
        var queued = _meter.CreateUpDownCounter<int>("test.queue.length", unit: "{item}");
        queued.Add(5);
        queued.Add(-2);
        var reported = new List<Measurement<long>> { new(4, new KeyValuePair<string, object?>("queue", "q1")), new(9, new KeyValuePair<string, object?>("queue", "q2")) };
        _meter.CreateObservableGauge("test.pending", () => reported.ToArray(), unit: "{event}");

        var first = PrometheusText.Parse(PrometheusTextWriter.Write(collector.Collect(), collector.SeriesOverflow));
        reported.RemoveAt(1);
        var second = PrometheusText.Parse(PrometheusTextWriter.Write(collector.Collect(), collector.SeriesOverflow));

        Assert.Equal("gauge", first.Types["test_queue_length"]);
        Assert.Equal(3, first.Single("test_queue_length").Value);
        Assert.Equal("gauge", first.Types["test_pending"]);
        Assert.Equal(9, first.Single("test_pending", ("queue", "q2")).Value);
        Assert.Equal(4, second.Single("test_pending", ("queue", "q1")).Value);
        Assert.DoesNotContain(second.Samples, s => s.Name == "test_pending" && s.Labels["queue"] == "q2");
    }

    [Fact]
    public void Meters_of_another_host_or_outside_the_prefixes_are_left_out()
    {
        var collector = Collector;
        using var otherHost = new ServiceCollection().AddMetrics().BuildServiceProvider();
        otherHost.GetRequiredService<IMeterFactory>().Create("TgeSwarm.Test").CreateCounter<long>("test.other_host").Add(1);
        _services.GetRequiredService<IMeterFactory>().Create("Other.Library").CreateCounter<long>("test.other_library").Add(1);
        _meter.CreateCounter<long>("test.own").Add(1);

        var text = PrometheusTextWriter.Write(collector.Collect(), collector.SeriesOverflow);

        Assert.Contains("test_own_total 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test_other_host", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test_other_library", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_sets_beyond_the_limit_are_counted_as_overflow_instead_of_kept()
    {
        var collector = Collector;
        var counter = _meter.CreateCounter<long>("test.by_user");
        foreach (var user in new[] { "a", "b", "c", "d", "e", "a" })
        {
            counter.Add(1, new KeyValuePair<string, object?>("user", user));
        }

        var parsed = PrometheusText.Parse(PrometheusTextWriter.Write(collector.Collect(), collector.SeriesOverflow));

        Assert.Equal(3, parsed.Samples.Count(s => s.Name == "test_by_user_total"));
        Assert.Equal(2, parsed.Single("test_by_user_total", ("user", "a")).Value);
        Assert.Equal(2, parsed.Single("tgeswarm_metrics_series_overflow_total").Value);
    }

    [Fact]
    public void The_reader_gives_a_counters_series_with_their_tags()
    {
        var collector = Collector;
        var counter = _meter.CreateCounter<long>("test.stage.events");
        counter.Add(10, new KeyValuePair<string, object?>("stage", "validation"));
        counter.Add(4, new KeyValuePair<string, object?>("stage", "cache"));

        var values = collector.Read("test.stage.events").OrderBy(static v => v.Tag("stage"), StringComparer.Ordinal).ToList();

        Assert.Equal(["cache", "validation"], values.Select(static v => v.Tag("stage")));
        Assert.Equal([4d, 10d], values.Select(static v => v.Value));
        Assert.Empty(collector.Read("test.never"));
    }
}
