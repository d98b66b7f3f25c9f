using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Alerts;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>Webhook delivery against a real HTTP receiver on 127.0.0.1, on the real clock with millisecond backoffs.</summary>
public sealed class TgeWebhookDispatcherTests : IAsyncLifetime
{
    private const string Secret = "0123456789abcdef-test-secret";
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddHttpClient().BuildServiceProvider();
    private readonly List<TgeWebhookDispatcher> _dispatchers = [];
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(Secret);

    public async Task DisposeAsync()
    {
        foreach (var dispatcher in _dispatchers)
        {
            await dispatcher.DisposeAsync();
        }

        await _receiver.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_notice_arrives_as_json_signed_over_the_timestamp_and_the_body()
    {
        var (dispatcher, _) = await StartAsync(Options(_receiver.Url));

        dispatcher.Enqueue(WebhookNotices.Notice("foo", 1));

        var received = await _receiver.NextAsync("the notice");
        Assert.True(received.SignatureValid);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        Assert.Equal("foo/1", received.Delivery);
        Assert.Equal("created", received.Event);

        // The documented scheme, computed here without the product's code: hex HMAC-SHA256 of "<timestamp>.<body>".
        var material = Encoding.UTF8.GetBytes(received.Timestamp + ".").Concat(received.Body).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), material));
        Assert.Equal(expected, received.Signature);
        Assert.InRange(long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());

        using var json = JsonDocument.Parse(received.Body);
        Assert.Equal("Created", json.RootElement.GetProperty("change").GetString());
        Assert.Equal("foo", json.RootElement.GetProperty("event").GetProperty("tokenSlug").GetString());
        Assert.Equal("Listing", json.RootElement.GetProperty("event").GetProperty("kind").GetString());
        Assert.Equal("binance", json.RootElement.GetProperty("event").GetProperty("sightings")[0].GetProperty("sourceId").GetString());
    }

    [Fact]
    public async Task A_500_is_retried_and_the_next_try_is_delivered()
    {
        var (dispatcher, counts) = await StartAsync(Options(_receiver.Url));
        _receiver.AnswerWith(500);

        dispatcher.Enqueue(WebhookNotices.Notice("foo", 1));

        var first = await _receiver.NextAsync("the first try");
        var second = await _receiver.NextAsync("the retry after the 500");
        Assert.Equal(("foo/1", "foo/1"), (first.Delivery, second.Delivery));
        Assert.True(first.SignatureValid && second.SignatureValid);
        Assert.Equal(1, await Eventually.ReadAsync(() => Task.FromResult(counts.Get("outcome", "delivered")), n => n >= 1));
        Assert.Equal(0, counts.Get("outcome", "given_up"));
        Assert.Equal(2, _receiver.All.Count);
    }

    [Fact]
    public async Task A_receiver_that_is_down_is_given_up_on_without_holding_up_another()
    {
        var down = $"http://127.0.0.1:{WebhookNotices.ClosedPort()}/hook";
        var (dispatcher, counts) = await StartAsync(Options(down, _receiver.Url));

        for (var i = 1; i <= 5; i++)
        {
            dispatcher.Enqueue(WebhookNotices.Notice("tok" + i, 1));
        }

        var delivered = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            delivered.Add((await _receiver.NextAsync($"notice {i} of 5 while the other receiver is down")).Delivery);
        }

        Assert.Equal(["tok1/1", "tok2/1", "tok3/1", "tok4/1", "tok5/1"], delivered.Order(StringComparer.Ordinal));
        Assert.Equal(5, await Eventually.ReadAsync(() => Task.FromResult(counts.Get("outcome", "given_up")), n => n >= 5));
        Assert.Equal(5, await Eventually.ReadAsync(() => Task.FromResult(counts.Get("outcome", "delivered")), n => n >= 5));
    }

    [Fact]
    public async Task A_try_without_an_answer_in_time_is_retried()
    {
        var options = Options(_receiver.Url);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);

        // Enough tries that a loaded machine answering the retry late as well still ends delivered.
        options.MaxAttempts = 10;
        var (dispatcher, counts) = await StartAsync(options);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tries = 0;
        _receiver.BeforeAnswer = async _ =>
        {
            if (Interlocked.Increment(ref tries) == 1)
            {
                await release.Task;
            }
        };

        dispatcher.Enqueue(WebhookNotices.Notice("slow", 1));

        Assert.Equal("slow/1", (await _receiver.NextAsync("the retry after the first try timed out")).Delivery);
        Assert.Equal(1, await Eventually.ReadAsync(() => Task.FromResult(counts.Get("outcome", "delivered")), n => n >= 1));
        release.SetResult();
        Assert.Equal(0, counts.Get("outcome", "given_up"));
        Assert.InRange(_receiver.All.Count, 2, 10);
    }

    [Fact]
    public async Task One_events_notices_arrive_in_order_and_a_full_lane_drops_the_oldest()
    {
        var options = Options(_receiver.Url);
        options.Lanes = 1;
        options.QueueCapacity = 1;
        var (dispatcher, counts) = await StartAsync(options);
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver.BeforeAnswer = async received =>
        {
            if (received.Delivery == "foo/1")
            {
                holding.TrySetResult();
                await release.Task;
            }
        };

        dispatcher.Enqueue(WebhookNotices.Notice("foo", 1));
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        dispatcher.Enqueue(WebhookNotices.Notice("foo", 2));
        dispatcher.Enqueue(WebhookNotices.Notice("foo", 3));
        dispatcher.Enqueue(WebhookNotices.Notice("foo", 4));
        release.SetResult();

        Assert.Equal("foo/1", (await _receiver.NextAsync("version 1")).Delivery);
        Assert.Equal("foo/4", (await _receiver.NextAsync("version 4, the newest")).Delivery);
        Assert.Equal(2, counts.Get("outcome", "dropped"));
        Assert.Equal(2, await Eventually.ReadAsync(() => Task.FromResult(counts.Get("outcome", "delivered")), n => n >= 2));
        Assert.Equal(2, _receiver.All.Count);
    }

    [Fact]
    public async Task A_4xx_is_refused_without_a_retry()
    {
        var (dispatcher, counts) = await StartAsync(Options(_receiver.Url));
        _receiver.AnswerWith(400);

        dispatcher.Enqueue(WebhookNotices.Notice("foo", 1));
        Assert.Equal("foo/1", (await _receiver.NextAsync("the refused notice")).Delivery);
        dispatcher.Enqueue(WebhookNotices.Notice("foo", 2));

        Assert.Equal("foo/2", (await _receiver.NextAsync("the next notice, not a retry")).Delivery);
        Assert.Equal(1, counts.Get("outcome", "refused"));
    }

    [Fact]
    public async Task A_webhook_gets_only_the_kinds_and_confidence_it_asked_for()
    {
        var options = Options(_receiver.Url);
        options.Webhooks[0].Kinds = [TgeKind.Airdrop];
        options.Webhooks[0].MinConfidence = 0.8;
        var (dispatcher, counts) = await StartAsync(options);

        dispatcher.Enqueue(WebhookNotices.Notice("lst", 1));
        dispatcher.Enqueue(WebhookNotices.Notice("low", 1, TgeKind.Airdrop, 0.5));
        dispatcher.Enqueue(WebhookNotices.Notice("air", 1, TgeKind.Airdrop, 0.9));

        Assert.Equal("air/1", (await _receiver.NextAsync("the airdrop")).Delivery);
        Assert.Equal(2, counts.Get("outcome", "filtered"));
    }

    private static TgeAlertOptions Options(params string[] urls) => new()
    {
        Webhooks = [.. urls.Select(url => new TgeWebhookOptions { Url = url, Secret = Secret })],
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(40),
        AttemptTimeout = TimeSpan.FromSeconds(20),
    };

    private async Task<(TgeWebhookDispatcher Dispatcher, MeterCounts Counts)> StartAsync(TgeAlertOptions options)
    {
        Assert.True(new TgeAlertOptionsValidator().Validate(null, options).Succeeded);
        var instruments = new TgeDetectionInstruments(_services.GetRequiredService<IMeterFactory>());
        var counts = new MeterCounts(instruments.Meter, "tge.alerts.webhook");
        var dispatcher = new TgeWebhookDispatcher(
            Microsoft.Extensions.Options.Options.Create(options), _services.GetRequiredService<IHttpClientFactory>(), TimeProvider.System, instruments, NullLoggerFactory.Instance);
        _dispatchers.Add(dispatcher);
        await dispatcher.OnStartAsync(CancellationToken.None);
        return (dispatcher, counts);
    }
}
