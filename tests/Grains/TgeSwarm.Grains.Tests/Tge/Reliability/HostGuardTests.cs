using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tests.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Tge.Reliability;

/// <summary>Host guards against the fault-injecting local source server: retries, Retry-After, the circuit breaker.</summary>
public sealed class HostGuardTests(HostGuardFixture fixture) : IClassFixture<HostGuardFixture>
{
    // Small enough that an attempt timeout is 50 steps, at least a second of real time for the local server to answer.
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private IHostGuardGrain Guard(LocalSourceServer server) =>
        fixture.Cluster.GrainFactory.GetGrain<IHostGuardGrain>($"127.0.0.1:{server.BaseAddress.Port}");

    private static TgeFetchRequest Request(LocalSourceServer server, string sourceId) =>
        new(sourceId, server.UrlOf(sourceId).AbsoluteUri, null, null, null);

    [Fact]
    public async Task Two_500s_are_retried_with_backoff_and_the_third_attempt_returns_the_body()
    {
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("news-rss", LocalSourceFaultKind.ServerError, Times: 2));
        var guard = Guard(server);

        var response = await fixture.DriveAsync(guard.FetchAsync(Request(server, "news-rss"), CancellationToken.None), Step);

        Assert.Equal(TgeFetchOutcome.Ok, response.Outcome);
        Assert.Equal(3, response.Attempts);
        Assert.NotEmpty(response.Body);
        Assert.NotNull(response.ETag);
        var status = await guard.GetStatusAsync(CancellationToken.None);
        Assert.Equal(2, status.Retries);
        Assert.Equal(2, status.Failures);
        Assert.Equal(3, status.Requests);
        Assert.Equal(TgeCircuitState.Closed, status.Circuit);
        Assert.StartsWith("ServerError: 500", status.LastFailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conditional_get_with_the_validators_of_the_last_body_answers_not_modified()
    {
        await using var server = await LocalSources.StartAsync();
        var guard = Guard(server);
        var first = await guard.FetchAsync(Request(server, "okx-new-listings"), CancellationToken.None);

        var second = await guard.FetchAsync(Request(server, "okx-new-listings") with { ETag = first.ETag, LastModified = first.LastModified }, CancellationToken.None);
        var byDate = await guard.FetchAsync(Request(server, "okx-new-listings") with { LastModified = first.LastModified }, CancellationToken.None);

        Assert.Equal(TgeFetchOutcome.NotModified, second.Outcome);
        Assert.Empty(second.Body);
        Assert.Equal(TgeFetchOutcome.NotModified, byDate.Outcome);
        Assert.Equal(2, server.Statistics.NotModified);
    }

    [Fact]
    public async Task A_short_Retry_After_is_waited_for_inside_the_fetch_and_a_long_one_blocks_the_host_until_it_passes()
    {
        await using var server = await LocalSources.StartAsync();
        var guard = Guard(server);
        server.InjectFault(new LocalSourceFault("news-rss", LocalSourceFaultKind.RateLimited, Times: 1) { RetryAfter = TimeSpan.FromSeconds(3) });
        var before = fixture.Time.GetUtcNow();

        var waited = await fixture.DriveAsync(guard.FetchAsync(Request(server, "news-rss"), CancellationToken.None), Step);

        Assert.Equal(TgeFetchOutcome.Ok, waited.Outcome);
        Assert.Equal(2, waited.Attempts);
        Assert.True(fixture.Time.GetUtcNow() - before >= TimeSpan.FromSeconds(3), "the retry came before the Retry-After");

        server.InjectFault(new LocalSourceFault("news-rss", LocalSourceFaultKind.RateLimited, Times: 1) { RetryAfter = TimeSpan.FromSeconds(60) });
        var limited = await guard.FetchAsync(Request(server, "news-rss"), CancellationToken.None);
        var requests = server.Statistics.Requests;
        var blocked = await guard.FetchAsync(Request(server, "okx-new-listings"), CancellationToken.None);

        Assert.Equal(TgeFetchOutcome.RateLimited, limited.Outcome);
        Assert.Equal(1, limited.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(60), limited.RetryAfter);
        Assert.Equal(TgeFetchOutcome.HostBlocked, blocked.Outcome);
        Assert.Equal(0, blocked.Attempts);
        Assert.Equal(requests, server.Statistics.Requests);
        Assert.Equal(1, (await guard.GetStatusAsync(CancellationToken.None)).RejectedByBlock);

        fixture.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(TgeFetchOutcome.Ok, (await guard.FetchAsync(Request(server, "okx-new-listings"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_500s_refuses_without_requests_and_closes_after_a_successful_half_open_probe()
    {
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("bybit-new-crypto", LocalSourceFaultKind.ServerError));
        var guard = Guard(server);

        var first = await fixture.DriveAsync(guard.FetchAsync(Request(server, "bybit-new-crypto"), CancellationToken.None), Step);
        var second = await fixture.DriveAsync(guard.FetchAsync(Request(server, "bybit-new-crypto"), CancellationToken.None), Step);
        var open = await guard.GetStatusAsync(CancellationToken.None);
        var requests = server.Statistics.Requests;
        var refused = await guard.FetchAsync(Request(server, "news-rss"), CancellationToken.None);

        Assert.Equal(TgeFetchOutcome.ServerError, first.Outcome);
        Assert.Equal(3, first.Attempts);
        Assert.Equal(TgeFetchOutcome.ServerError, second.Outcome);
        Assert.Equal(TgeCircuitState.Open, open.Circuit);
        Assert.Equal(1, open.CircuitOpenings);
        Assert.Equal(6, open.Failures);
        Assert.Equal(1.0, open.ErrorRate);
        Assert.Equal(TgeFetchOutcome.CircuitOpen, refused.Outcome);
        Assert.Equal(0, refused.Attempts);
        Assert.NotNull(refused.RetryAfter);
        Assert.Equal(requests, server.Statistics.Requests);

        server.ClearFaults("bybit-new-crypto");
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var probe = await guard.FetchAsync(Request(server, "bybit-new-crypto"), CancellationToken.None);
        var closed = await guard.GetStatusAsync(CancellationToken.None);

        Assert.Equal(TgeFetchOutcome.Ok, probe.Outcome);
        Assert.Equal(1, probe.Attempts);
        Assert.Equal(TgeCircuitState.Closed, closed.Circuit);
        // The breaker opened on the last attempt of the second fetch, which had no retry left: one refusal, the third fetch.
        Assert.Equal(1, closed.RejectedByBreaker);
    }

    [Fact]
    public async Task An_answer_slower_than_the_attempt_timeout_is_a_timeout_after_the_retries()
    {
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("project-atom", LocalSourceFaultKind.Slow) { Delay = TimeSpan.FromMinutes(10) });
        var guard = Guard(server);

        var response = await fixture.DriveAsync(guard.FetchAsync(Request(server, "project-atom"), CancellationToken.None), Step);

        Assert.Equal(TgeFetchOutcome.Timeout, response.Outcome);
        Assert.Equal(3, response.Attempts);
        Assert.Equal("no complete answer within 5 s", response.Detail);
    }

    [Fact]
    public async Task A_url_on_another_host_is_refused()
    {
        await using var server = await LocalSources.StartAsync();
        var guard = fixture.Cluster.GrainFactory.GetGrain<IHostGuardGrain>("www.binance.com");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => guard.FetchAsync(Request(server, "news-rss"), CancellationToken.None));

        Assert.StartsWith($"Url '{server.UrlOf("news-rss").AbsoluteUri}' is not on host 'www.binance.com'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_concurrency_cap_is_tuned_within_one_and_the_policy_maximum()
    {
        await using var server = await LocalSources.StartAsync();
        var guard = Guard(server);

        Assert.Equal(1, await guard.TuneAsync(0, CancellationToken.None));
        Assert.Equal(4, await guard.TuneAsync(100, CancellationToken.None));
        Assert.Equal(2, await guard.TuneAsync(2, CancellationToken.None));
        Assert.Equal(2, (await guard.GetStatusAsync(CancellationToken.None)).ConcurrencyLimit);
        Assert.Equal(4, await guard.TuneAsync(null, CancellationToken.None));
    }
}
