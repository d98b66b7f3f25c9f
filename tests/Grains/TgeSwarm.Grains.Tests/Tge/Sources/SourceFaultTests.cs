using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>Bad answers from the local source server: each is counted by reason on its own source and stops nothing else.</summary>
public sealed class SourceFaultTests(SourceClusterFixture fixture) : IClassFixture<SourceClusterFixture>
{
    private ISourceGrain Source(string key) => fixture.Cluster.GrainFactory.GetGrain<ISourceGrain>(key);

    [Fact]
    public async Task A_malformed_body_is_counted_on_its_source_while_another_source_of_the_host_keeps_emitting()
    {
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("okx-new-listings", LocalSourceFaultKind.MalformedBody));
        var broken = Source("fault-malformed");
        var healthy = Source("fault-healthy");
        await broken.StartAsync(LocalSources.Settings(server, "okx-new-listings"), CancellationToken.None);
        await healthy.StartAsync(LocalSources.Settings(server, "binance-new-listings"), CancellationToken.None);

        var failed = await SourceSilo.QuiescentAsync(broken, fixture.Time, 1);
        var fine = await SourceSilo.QuiescentAsync(healthy, fixture.Time, 1);

        Assert.Equal(TgePollOutcome.Failed, failed.LastOutcome);
        Assert.Equal("MalformedJson", failed.LastReason);
        Assert.Equal(1, failed.Errors["MalformedJson"]);
        Assert.Equal(0, failed.ItemsEmitted);
        Assert.Equal(LocalSources.BinanceItems, fine.ItemsEmitted);
        Assert.Empty(fine.Errors);

        // The bad body's validators were not kept: once the source is fixed, the next poll reads the whole page.
        server.ClearFaults("okx-new-listings");
        var recovered = await broken.PollNowAsync(CancellationToken.None);
        Assert.Equal(TgePollOutcome.NewItems, recovered.Outcome);
        Assert.Equal(LocalSources.OkxItems, recovered.ItemsEmitted);
        Assert.Equal(0, (await broken.GetStatusAsync(CancellationToken.None)).ConsecutiveErrors);
        await broken.RemoveAsync(CancellationToken.None);
        await healthy.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_enormous_page_is_cut_at_the_host_cap_and_counted_and_nothing_of_it_is_emitted()
    {
        await using var server = await LocalSources.StartAsync();
        var source = Source("fault-enormous");
        await source.StartAsync(LocalSources.Settings(server, "news-rss"), CancellationToken.None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);

        // 3 MiB of summary: over the default 2 MiB cap of the host guard.
        await server.PublishAsync(
            "news-rss",
            new LocalSourceItem("huge-1", "Binance Will List Huge (HUGE)", new string('x', 3 * 1024 * 1024), "/news/huge", fixture.Time.GetUtcNow()));
        var result = await source.PollNowAsync(CancellationToken.None);

        Assert.Equal(TgePollOutcome.Failed, result.Outcome);
        Assert.Equal("BodyTooLarge", result.Reason);
        Assert.Equal(LocalSources.RssItems, (await source.GetStatusAsync(CancellationToken.None)).ItemsEmitted);
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_redirect_loop_is_refused_as_soon_as_a_url_repeats_and_counted()
    {
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("project-atom", LocalSourceFaultKind.RedirectLoop));
        var source = Source("fault-redirect");
        await source.StartAsync(LocalSources.Settings(server, "project-atom"), CancellationToken.None);

        var status = await SourceSilo.QuiescentAsync(source, fixture.Time, 1);

        Assert.Equal("TooManyRedirects", status.LastReason);
        Assert.Equal(1, status.Errors["TooManyRedirects"]);

        // Source path, loop path, back to the source path: two redirects answered, then the loop is seen.
        Assert.Equal(2, server.Statistics.FaultsOf(LocalSourceFaultKind.RedirectLoop));
        await source.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_429_puts_the_next_poll_after_its_Retry_After_and_the_hosts_other_sources_wait_without_a_request()
    {
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("bybit-new-crypto", LocalSourceFaultKind.RateLimited, Times: 1) { RetryAfter = TimeSpan.FromSeconds(120) });
        var limited = Source("fault-429");
        await limited.StartAsync(LocalSources.Settings(server, "bybit-new-crypto", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), CancellationToken.None);

        var status = await SourceSilo.QuiescentAsync(limited, fixture.Time, 1);
        Assert.Equal("RateLimited", status.LastReason);
        Assert.Equal(fixture.Time.GetUtcNow() + TimeSpan.FromSeconds(120), status.NextPollAt);

        var neighbour = Source("fault-429-neighbour");
        await neighbour.StartAsync(LocalSources.Settings(server, "news-rss"), CancellationToken.None);
        var blocked = await SourceSilo.QuiescentAsync(neighbour, fixture.Time, 1);
        Assert.Equal("HostBlocked", blocked.LastReason);
        Assert.Equal(0, LocalSources.RequestsTo(server, "news-rss"));

        fixture.Time.Advance(TimeSpan.FromSeconds(120));
        var after = await SourceSilo.QuiescentAsync(limited, fixture.Time, 2);
        Assert.Equal(TgePollOutcome.NewItems, after.LastOutcome);
        Assert.Equal(LocalSources.BybitItems, after.ItemsEmitted);
        await limited.RemoveAsync(CancellationToken.None);
        await neighbour.RemoveAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_source_whose_host_is_down_backs_off_within_its_bounds_and_recovers_when_the_host_answers_again()
    {
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("okx-new-listings", LocalSourceFaultKind.ServerError));
        var source = Source("fault-down");
        await source.StartAsync(LocalSources.Settings(server, "okx-new-listings", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), CancellationToken.None);
        var first = await SourceSilo.QuiescentAsync(source, fixture.Time, 1);

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            waits.Add((await source.PollNowAsync(CancellationToken.None)).NextPollIn);
        }

        var down = await source.GetStatusAsync(CancellationToken.None);
        Assert.Equal(6, down.ConsecutiveErrors);

        // Four 500s open the host's circuit (4 samples, all failed): from then on the guard refuses without a request.
        Assert.Equal(4, down.Errors["ServerError"]);
        Assert.Equal(2, down.Errors["CircuitOpen"]);
        Assert.Equal(4, LocalSources.RequestsTo(server, "okx-new-listings"));
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), waits[^1]);
        Assert.Equal(TgePollOutcome.Failed, first.LastOutcome);

        server.ClearFaults("okx-new-listings");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var recovered = await SourceSilo.QuiescentAsync(source, fixture.Time, 7);
        Assert.Equal(TgePollOutcome.NewItems, recovered.LastOutcome);
        Assert.Equal(0, recovered.ConsecutiveErrors);
        Assert.Equal(LocalSources.OkxItems, recovered.ItemsEmitted);
        await source.RemoveAsync(CancellationToken.None);
    }
}
