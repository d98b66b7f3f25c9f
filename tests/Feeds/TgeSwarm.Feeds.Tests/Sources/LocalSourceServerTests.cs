using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Feeds.Sources.Server;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Feeds.Tests.Sources;

public sealed class LocalSourceServerTests
{
    private static Task<LocalSourceServer> StartDefaultAsync(TimeProvider? time = null, SourceLogSignals? log = null) =>
        LocalSourceServer.StartAsync(new LocalSourceServerOptions { Sources = LocalSourceServer.DefaultSources() }, log, time);

    private static HttpClient Client(int redirects = 10) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = redirects }) { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<SourceParseResult> PollAsync(HttpClient client, LocalSourceEndpoint source)
    {
        using var response = await client.GetAsync(source.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        return SourceParsers.Parse(source.SourceId, source.Kind, body, response.Content.Headers.ContentType?.ToString(), source.Url, new SourceParseSettings { Html = source.Html });
    }

    [Fact]
    public async Task Every_default_source_is_served_on_loopback_in_a_format_its_parser_reads()
    {
        await using var server = await StartDefaultAsync();
        using var client = Client();
        var expected = new Dictionary<string, int>
        {
            ["binance-new-listings"] = 1, ["okx-new-listings"] = 2, ["bybit-new-crypto"] = 1, ["news-rss"] = 3, ["project-atom"] = 2, ["listing-html"] = 3,
        };

        Assert.Equal(expected.Keys.Order(), server.Sources.Select(s => s.SourceId).Order());
        foreach (var source in server.Sources)
        {
            Assert.Equal("127.0.0.1", source.Url.Host);
            var result = await PollAsync(client, source);
            Assert.True(result.Succeeded, $"{source.SourceId}: {result.Failure}");
            Assert.Equal(expected[source.SourceId], result.Items.Count);
            Assert.All(result.Items, i => Assert.Equal(source.Kind, i.RawKind));
        }

        var binance = await PollAsync(client, server.Sources.Single(s => s.Kind == SourceKind.BinanceCms));
        Assert.Equal("80889caa7146492f9de2a2627fa30a4d", binance.Items[0].ItemId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1750843841537), binance.Items[0].Published);
    }

    [Fact]
    public async Task Publish_then_poll_sees_the_new_item_first_in_every_format()
    {
        await using var server = await StartDefaultAsync();
        using var client = Client();

        foreach (var source in server.Sources)
        {
            var published = await server.PublishAsync(source.SourceId, "Binance Will List Brand New (BRNW)");

            var result = await PollAsync(client, source);

            var first = result.Items[0];
            Assert.Equal("Binance Will List Brand New (BRNW)", first.Title);
            Assert.Equal(new Uri(published.Link), first.Link);
            Assert.Equal(published.Published.ToUnixTimeSeconds(), first.Published!.Value.ToUnixTimeSeconds());
        }

        Assert.Equal(6, server.Statistics.Published);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_gets_304_until_a_publish()
    {
        await using var server = await StartDefaultAsync();
        using var client = Client();
        var url = server.UrlOf("news-rss");

        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);

        await server.PublishAsync("news-rss", "Something new (NEW)");
        using var afterPublish = new HttpRequestMessage(HttpMethod.Get, url);
        afterPublish.Headers.IfNoneMatch.Add(etag);
        using var changed = await client.SendAsync(afterPublish);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);

        Assert.Equal(1, server.Statistics.NotModified);
        Assert.Equal(3, server.Statistics.RequestsBySource["news-rss"]);
    }

    [Fact]
    public async Task If_modified_since_gets_304_and_a_publish_in_the_same_second_still_moves_last_modified()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 17, 7, 30, 0, TimeSpan.Zero));
        await using var server = await StartDefaultAsync(time);
        using var client = Client();
        var url = server.UrlOf("okx-new-listings");

        using var first = await client.GetAsync(url);
        var lastModified = first.Content.Headers.LastModified;
        Assert.Equal(time.GetUtcNow(), lastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfModifiedSince = lastModified;
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        await server.PublishAsync("okx-new-listings", "OKX to list Same Second (SS)");
        using var afterPublish = new HttpRequestMessage(HttpMethod.Get, url);
        afterPublish.Headers.IfModifiedSince = lastModified;
        using var changed = await client.SendAsync(afterPublish);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True(changed.Content.Headers.LastModified > lastModified);
    }

    [Fact]
    public async Task Server_errors_are_injected_for_the_given_number_of_requests_and_only_on_their_source()
    {
        await using var server = await StartDefaultAsync();
        using var client = Client();
        server.InjectFault(new LocalSourceFault("news-rss", LocalSourceFaultKind.ServerError, Times: 2));

        using var a = await client.GetAsync(server.UrlOf("news-rss"));
        using var other = await client.GetAsync(server.UrlOf("project-atom"));
        using var b = await client.GetAsync(server.UrlOf("news-rss"));
        using var c = await client.GetAsync(server.UrlOf("news-rss"));

        Assert.Equal(HttpStatusCode.InternalServerError, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, b.StatusCode);
        Assert.Equal(HttpStatusCode.OK, c.StatusCode);
        Assert.Equal(2, server.Statistics.FaultsOf(LocalSourceFaultKind.ServerError));
    }

    [Fact]
    public async Task Rate_limiting_answers_429_with_retry_after_in_seconds()
    {
        await using var server = await StartDefaultAsync();
        using var client = Client();
        server.InjectFault(new LocalSourceFault("bybit-new-crypto", LocalSourceFaultKind.RateLimited, Times: 1) { RetryAfter = TimeSpan.FromSeconds(7) });

        using var limited = await client.GetAsync(server.UrlOf("bybit-new-crypto"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), limited.Headers.RetryAfter);
        Assert.Equal(1, server.Statistics.FaultsOf(LocalSourceFaultKind.RateLimited));
    }

    [Theory]
    [InlineData("news-rss", SourceProblem.MalformedXml)]
    [InlineData("binance-new-listings", SourceProblem.MalformedJson)]
    [InlineData("okx-new-listings", SourceProblem.MalformedJson)]
    public async Task A_malformed_body_is_counted_by_the_parser(string sourceId, SourceProblem problem)
    {
        await using var server = await StartDefaultAsync();
        using var client = Client();
        server.InjectFault(new LocalSourceFault(sourceId, LocalSourceFaultKind.MalformedBody, Times: 1));
        var source = server.Sources.Single(s => s.SourceId == sourceId);

        var spoiled = await PollAsync(client, source);
        var healthy = await PollAsync(client, source);

        Assert.Equal(1, spoiled.Count(problem));
        Assert.True(healthy.Succeeded);
        Assert.Empty(healthy.Problems);
    }

    [Fact]
    public async Task A_redirect_loop_never_yields_a_body_until_cleared()
    {
        await using var server = await StartDefaultAsync();
        using var client = Client(redirects: 5);
        server.InjectFault(new LocalSourceFault("listing-html", LocalSourceFaultKind.RedirectLoop));
        var url = server.UrlOf("listing-html");

        // SocketsHttpHandler hands back the last redirect once it has followed its maximum.
        using var looped = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, looped.StatusCode);
        Assert.True(server.Statistics.FaultsOf(LocalSourceFaultKind.RedirectLoop) >= 5);

        server.ClearFaults("listing-html");
        using var healthy = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task A_slow_answer_waits_for_the_servers_clock()
    {
        var time = new FakeTimeProvider();
        var log = new SourceLogSignals();
        await using var server = await StartDefaultAsync(time, log);
        using var client = Client();
        server.InjectFault(new LocalSourceFault("project-atom", LocalSourceFaultKind.Slow, Times: 1) { Delay = TimeSpan.FromMinutes(2) });

        var pending = client.GetAsync(server.UrlOf("project-atom"));
        await log.First(SourceServerEventIds.FaultInjected);
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(2));
        using var answer = await pending;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, server.Statistics.FaultsOf(LocalSourceFaultKind.Slow));
    }

    [Fact]
    public async Task Stopping_the_server_aborts_a_slow_answer_instead_of_sending_an_empty_body()
    {
        var time = new FakeTimeProvider();
        var log = new SourceLogSignals();
        var server = await StartDefaultAsync(time, log);
        using var client = Client();
        server.InjectFault(new LocalSourceFault("news-rss", LocalSourceFaultKind.Slow) { Delay = TimeSpan.FromHours(1) });

        var pending = client.GetAsync(server.UrlOf("news-rss"));
        await log.First(SourceServerEventIds.FaultInjected);
        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task A_schedule_publishes_a_new_item_every_period()
    {
        var time = new FakeTimeProvider();
        var log = new SourceLogSignals();
        var options = new LocalSourceServerOptions
        {
            Sources = [new LocalSourceOptions { Id = "ticker", Kind = SourceKind.Rss, PublishEvery = TimeSpan.FromMinutes(1) }],
        };
        await using var server = await LocalSourceServer.StartAsync(options, log, time);
        using var client = Client();
        Assert.Empty((await PollAsync(client, server.Sources[0])).Items);

        time.Advance(TimeSpan.FromMinutes(1));
        await log.First(SourceServerEventIds.Published);

        var item = Assert.Single((await PollAsync(client, server.Sources[0])).Items);
        Assert.Equal("Local Exchange Will List Scheduled Token 1 (SCH1)", item.Title);
    }

    [Fact]
    public async Task A_source_can_be_seeded_from_a_file()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, SourceExamples.Bytes("news_atom.xml"));
        try
        {
            var options = new LocalSourceServerOptions { Sources = [new LocalSourceOptions { Id = "blog", Kind = SourceKind.Atom, File = file }] };
            await using var server = await LocalSourceServer.StartAsync(options);
            using var client = Client();

            var result = await PollAsync(client, server.Sources[0]);

            Assert.Equal(["Introducing Nova (NOVA) on Launchpool", "Mainnet upgrade notes"], result.Items.Select(i => i.Title));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Unknown_paths_are_404_and_counted()
    {
        await using var server = await StartDefaultAsync();
        using var client = Client();

        using var response = await client.GetAsync(new Uri(server.BaseAddress, "/rss/nope"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, server.Statistics.Requests);
    }

    [Fact]
    public async Task Invalid_options_are_refused_with_every_problem_listed()
    {
        var options = new LocalSourceServerOptions
        {
            Port = -1,
            Sources =
            [
                new LocalSourceOptions { Id = "a", Kind = SourceKind.Rss },
                new LocalSourceOptions { Id = "a", Kind = SourceKind.Atom },
                new LocalSourceOptions { Id = "../etc", Kind = SourceKind.Rss },
                new LocalSourceOptions { Id = "b", Kind = SourceKind.Okx, Example = "missing.json", PageSize = 0, PublishEvery = TimeSpan.Zero },
            ],
            Faults = [new LocalSourceFault("ghost", LocalSourceFaultKind.ServerError, Times: 0)],
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => LocalSourceServer.StartAsync(options));

        Assert.Equal(8, error.Failures.Count());
    }

    [Fact]
    public async Task Injecting_a_fault_on_an_unknown_source_throws()
    {
        await using var server = await StartDefaultAsync();

        Assert.Throws<ArgumentException>(() => server.InjectFault(new LocalSourceFault("ghost", LocalSourceFaultKind.Slow)));
    }
}
