using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>Source grains against the local source server on 127.0.0.1: conditional GET, emit once, the source's life.</summary>
public sealed class SourceGrainTests(SourceClusterFixture fixture) : IClassFixture<SourceClusterFixture>
{
    private ISourceGrain Source(string key) => fixture.Cluster.GrainFactory.GetGrain<ISourceGrain>(key);

    [Fact]
    public async Task The_first_poll_emits_every_listed_item_and_an_unchanged_source_answers_304_without_emitting_again()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("grain-conditional");
        await source.StartAsync(LocalSources.Settings(server, "news-rss"), CancellationToken.None);

        var first = await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        Assert.Equal(TgePollOutcome.NewItems, first.LastOutcome);
        Assert.Equal(LocalSources.RssItems, first.ItemsEmitted);
        Assert.Equal(LocalSources.RssItems, first.RememberedItems);

        var again = await source.PollNowAsync(CancellationToken.None);

        Assert.Equal(TgePollOutcome.NotModified, again.Outcome);
        Assert.Equal(304, again.StatusCode);
        Assert.Equal(0, again.ItemsEmitted);
        Assert.Equal(1, server.Statistics.NotModified);
        var status = await source.GetStatusAsync(CancellationToken.None);
        Assert.Equal(LocalSources.RssItems, status.ItemsEmitted);
        Assert.Equal(1, status.NotModified);
        Assert.Empty(status.Errors);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_newly_published_item_is_emitted_exactly_once_and_shortens_the_interval_to_its_minimum()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("grain-publish");
        await source.StartAsync(LocalSources.Settings(server, "news-rss"), CancellationToken.None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        Assert.Equal(TgePollOutcome.NotModified, (await source.PollNowAsync(CancellationToken.None)).Outcome);

        var item = await server.PublishAsync("news-rss", "Binance Will List Brand New (BRNW)");
        var seen = await source.PollNowAsync(CancellationToken.None);
        var twice = await source.PollNowAsync(CancellationToken.None);

        Assert.Equal(TgePollOutcome.NewItems, seen.Outcome);
        Assert.Equal(LocalSources.RssItems + 1, seen.ItemsRead);
        Assert.Equal(1, seen.ItemsEmitted);
        Assert.Equal(TimeSpan.FromMinutes(10), seen.NextPollIn);
        Assert.Equal(TgePollOutcome.NotModified, twice.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(15), twice.NextPollIn);
        var status = await source.GetStatusAsync(CancellationToken.None);
        Assert.Equal(LocalSources.RssItems + 1, status.ItemsEmitted);
        Assert.Equal(item.Id, status.RecentItemIds[^1]);
        Assert.Single(status.RecentItemIds, item.Id);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Every_emitted_item_is_one_event_on_the_tge_stream_provider()
    {
        await using var server = await LocalSources.StartAsync();
        using var produced = new ProducedEvents(fixture.Cluster.Primary.ServiceProvider.GetRequiredService<IMeterFactory>(), TgeStreamNames.Provider);
        var source = Source("grain-stream");
        await source.StartAsync(LocalSources.Settings(server, "news-rss"), CancellationToken.None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        var first = produced.Count;

        await server.PublishAsync("news-rss", "Binance Will List Streamed (STRM)");
        await source.PollNowAsync(CancellationToken.None);
        await source.PollNowAsync(CancellationToken.None);

        Assert.Equal(LocalSources.RssItems, first);
        Assert.Equal(LocalSources.RssItems + 1, produced.Count);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_source_that_skips_its_backlog_remembers_the_listed_items_and_emits_only_later_ones()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("grain-backlog");
        await source.StartAsync(LocalSources.Settings(server, "binance-new-listings", emitExisting: false), CancellationToken.None);

        var first = await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        var item = await server.PublishAsync("binance-new-listings", "Binance Will List Later Token (LATR)");
        var next = await source.PollNowAsync(CancellationToken.None);

        Assert.Equal(0, first.ItemsEmitted);
        Assert.Equal(LocalSources.BinanceItems, first.RememberedItems);
        Assert.Equal(1, next.ItemsEmitted);
        Assert.Equal([item.Id], (await source.GetStatusAsync(CancellationToken.None)).RecentItemIds);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_html_list_page_is_read_with_its_selectors()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("grain-html");
        await source.StartAsync(LocalSources.Settings(server, "listing-html"), CancellationToken.None);

        var status = await SourceSilo.QuiescentAsync(source, fixture.Time, 1);

        Assert.Equal(LocalSources.HtmlItems, status.ItemsEmitted);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_paused_source_does_not_poll_resumes_with_what_it_missed_and_a_removed_one_forgets_its_settings_not_its_items()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("grain-life");
        var settings = LocalSources.Settings(server, "news-rss");
        await source.StartAsync(settings, CancellationToken.None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);

        await source.PauseAsync(CancellationToken.None);
        var paused = await source.GetStatusAsync(CancellationToken.None);
        var requestsWhilePaused = LocalSources.RequestsTo(server, "news-rss");
        Assert.Equal(TgePollOutcome.Skipped, (await source.PollNowAsync(CancellationToken.None)).Outcome);
        Assert.Equal(requestsWhilePaused, LocalSources.RequestsTo(server, "news-rss"));
        Assert.Equal(TgeSourceRunState.Paused, paused.State);
        Assert.Null(paused.NextPollAt);

        var missed = await server.PublishAsync("news-rss", "Binance Will List Missed Token (MISS)");
        await source.ResumeAsync(CancellationToken.None);
        var resumed = await SourceSilo.QuiescentAsync(source, fixture.Time, 2);
        Assert.Equal(TgeSourceRunState.Running, resumed.State);
        Assert.Equal(LocalSources.RssItems + 1, resumed.ItemsEmitted);
        Assert.Equal(missed.Id, resumed.RecentItemIds[^1]);

        await source.RemoveAsync(CancellationToken.None);
        var removed = await source.GetStatusAsync(CancellationToken.None);
        Assert.Equal(TgeSourceRunState.Unconfigured, removed.State);
        Assert.Null(removed.Settings);
        Assert.Equal(TgePollOutcome.Skipped, (await source.PollNowAsync(CancellationToken.None)).Outcome);
        await Assert.ThrowsAsync<InvalidOperationException>(() => source.PauseAsync(CancellationToken.None));

        // Added again: the validators were forgotten (a full body comes back), the items were not.
        await source.StartAsync(settings, CancellationToken.None);
        var readded = await SourceSilo.QuiescentAsync(source, fixture.Time, 3);
        Assert.Equal(TgePollOutcome.NoNewItems, readded.LastOutcome);
        Assert.Equal(LocalSources.RssItems + 1, readded.ItemsEmitted);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Starting_a_running_source_again_with_equal_settings_keeps_its_loop_and_new_settings_restart_it()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("grain-restart-same");
        var settings = LocalSources.Settings(server, "news-rss") with { Headers = new Dictionary<string, string> { ["Accept-Language"] = "en" } };
        await source.StartAsync(settings, CancellationToken.None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        await source.TuneAsync(TimeSpan.FromMinutes(20), CancellationToken.None);

        // Equal, not the same instances: a silo start rebinds its configuration into new objects.
        await source.StartAsync(settings with { Headers = new Dictionary<string, string> { ["Accept-Language"] = "en" } }, CancellationToken.None);
        var kept = await source.GetStatusAsync(CancellationToken.None);
        await source.StartAsync(settings with { Headers = new Dictionary<string, string> { ["Accept-Language"] = "de" } }, CancellationToken.None);
        var restarted = await SourceSilo.QuiescentAsync(source, fixture.Time, 2);

        Assert.Equal(1, kept.Polls);
        Assert.Equal(TimeSpan.FromMinutes(20), kept.TunedMinInterval);
        Assert.Null(restarted.TunedMinInterval);
        Assert.Equal("de", restarted.Settings!.Headers!["Accept-Language"]);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_poll_timer_polls_again_after_the_adaptive_interval_on_the_clock()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("grain-timer");
        await source.StartAsync(LocalSources.Settings(server, "news-rss", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), CancellationToken.None);
        var first = await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        Assert.Equal(TimeSpan.FromSeconds(1), first.CurrentInterval);

        fixture.Time.Advance(first.NextPollAt!.Value - fixture.Time.GetUtcNow());
        var second = await SourceSilo.QuiescentAsync(source, fixture.Time, 2);
        fixture.Time.Advance(second.NextPollAt!.Value - fixture.Time.GetUtcNow());
        var third = await SourceSilo.QuiescentAsync(source, fixture.Time, 3);
        fixture.Time.Advance(third.NextPollAt!.Value - fixture.Time.GetUtcNow());
        var fourth = await SourceSilo.QuiescentAsync(source, fixture.Time, 4);

        // Quiet polls lengthen the interval by half, up to the maximum.
        Assert.Equal(TimeSpan.FromSeconds(1.5), second.CurrentInterval);
        Assert.Equal(TimeSpan.FromSeconds(2.25), third.CurrentInterval);
        Assert.Equal(TimeSpan.FromSeconds(3), fourth.CurrentInterval);
        Assert.Equal(3, fourth.NotModified);
        Assert.Equal(LocalSources.RssItems, fourth.ItemsEmitted);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed", "Url 'ftp://127.0.0.1/feed' must be an absolute http:// or https:// address.")]
    [InlineData("relative/feed", "must be an absolute http:// or https:// address")]
    public async Task Bad_settings_are_refused_with_the_field_named_and_nothing_is_started(string url, string message)
    {
        var source = Source("grain-bad");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => source.StartAsync(
            new TgeSourceSettings(url, TgeSourceKind.Rss, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), CancellationToken.None));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(TgeSourceRunState.Unconfigured, (await source.GetStatusAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task Html_settings_without_selectors_and_a_maximum_below_the_minimum_are_refused()
    {
        var source = Source("grain-bad-2");
        var html = await Assert.ThrowsAsync<ArgumentException>(() => source.StartAsync(
            new TgeSourceSettings("http://127.0.0.1:1/html/x", TgeSourceKind.Html, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), CancellationToken.None));
        var interval = await Assert.ThrowsAsync<ArgumentException>(() => source.StartAsync(
            new TgeSourceSettings("http://127.0.0.1:1/rss/x", TgeSourceKind.Rss, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)), CancellationToken.None));

        Assert.StartsWith("Html must give at least the Item and Title selectors", html.Message, StringComparison.Ordinal);
        Assert.StartsWith("MaxInterval 00:00:01 must be at least MinInterval (00:00:10)", interval.Message, StringComparison.Ordinal);
    }
}
