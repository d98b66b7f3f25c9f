using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Alerts;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>
/// The durable webhook outbox against the real PostgreSQL of TGESWARM_TEST_POSTGRES (a migrated schema per test) and a
/// real receiver on 127.0.0.1. Most tests step the outbox themselves (<c>DeliverDueAsync</c>) on a fake clock, so
/// backoffs and lease expiry are exact; one runs the background pump on the real clock.
/// </summary>
public sealed class PostgresTgeWebhookOutboxTests : IAsyncLifetime
{
    private const string Secret = "0123456789abcdef-outbox-secret";
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddHttpClient().BuildServiceProvider();
    private readonly List<PostgresTgeWebhookOutbox> _outboxes = [];
    private readonly List<WebhookReceiver> _receivers = [];
    private readonly FakeTimeProvider _clock = new(WebhookNotices.T0);
    private HistoryDatabase _database = null!;

    public async Task InitializeAsync() => _database = await HistoryDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var outbox in _outboxes)
        {
            await outbox.DisposeAsync();
        }

        foreach (var receiver in _receivers)
        {
            await receiver.DisposeAsync();
        }

        await _database.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_notice_stored_while_the_receiver_is_down_is_delivered_by_the_outbox_of_a_restarted_silo()
    {
        var port = WebhookNotices.ClosedPort();
        var url = $"http://127.0.0.1:{port}/hook";
        var (first, _) = Outbox(Options(url));

        await first.AddAsync([WebhookNotices.Notice("foo", 1)], CancellationToken.None);
        Assert.Equal(1, await first.DeliverDueAsync(CancellationToken.None));
        var afterFailure = await _database.RowAsync("foo", 1);
        await first.DisposeAsync();

        var receiver = await StartReceiverAsync(port);
        var (second, counts) = Outbox(Options(url));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await second.DeliverDueAsync(CancellationToken.None));

        Assert.StartsWith("0|1|-|", afterFailure, StringComparison.Ordinal);
        var received = await receiver.NextAsync("foo/1 from the second outbox");
        Assert.Equal(("foo/1", "created", true), (received.Delivery, received.Event, received.SignatureValid));
        Assert.Equal(0L, await _database.RowsAsync());
        Assert.Equal((1L, 0L), (counts.Get("outcome", "delivered"), counts.Get("outcome", "given_up")));
    }

    [Fact]
    public async Task Two_outboxes_over_one_table_deliver_each_row_once_and_each_events_notices_in_order()
    {
        var receiver = await StartReceiverAsync();
        var (a, _) = Outbox(Options(receiver.Url));
        var (b, _) = Outbox(Options(receiver.Url));
        for (var version = 1; version <= 3; version++)
        {
            await a.AddAsync([.. Enumerable.Range(1, 8).Select(i => WebhookNotices.Notice("tok" + i, version))], CancellationToken.None);
        }

        for (var round = 0; round < 100 && await _database.RowsAsync() > 0; round++)
        {
            await Task.WhenAll(a.DeliverDueAsync(CancellationToken.None), b.DeliverDueAsync(CancellationToken.None));
        }

        var deliveries = receiver.All.Select(static r => r.Delivery).ToList();
        Assert.Equal(24, deliveries.Count);
        Assert.Equal(24, deliveries.Distinct(StringComparer.Ordinal).Count());
        for (var i = 1; i <= 8; i++)
        {
            Assert.Equal([$"tok{i}/1", $"tok{i}/2", $"tok{i}/3"], deliveries.Where(d => d.StartsWith($"tok{i}/", StringComparison.Ordinal)));
        }

        Assert.Equal(0L, await _database.RowsAsync());
    }

    [Fact]
    public async Task A_row_claimed_by_an_owner_that_died_is_taken_over_once_its_lease_ends()
    {
        var receiver = await StartReceiverAsync();
        var options = Options(receiver.Url);
        var (dead, _) = Outbox(options);
        var (survivor, _) = Outbox(options);
        await dead.AddAsync([WebhookNotices.Notice("foo", 1)], CancellationToken.None);
        Assert.Single(await dead.ClaimAsync(dead.WebhookAt(0), 4, CancellationToken.None));

        var whileLeased = await survivor.DeliverDueAsync(CancellationToken.None);
        _clock.Advance(options.LeaseDuration - TimeSpan.FromSeconds(1));
        var beforeTheEnd = await survivor.DeliverDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var atTheEnd = await survivor.DeliverDueAsync(CancellationToken.None);

        Assert.Equal((0, 0, 1), (whileLeased, beforeTheEnd, atTheEnd));
        Assert.Equal("foo/1", (await receiver.NextAsync("foo/1 from the survivor")).Delivery);
        Assert.Equal(0L, await _database.RowsAsync());
    }

    [Fact]
    public async Task A_later_notice_of_an_event_waits_while_an_earlier_one_is_retried()
    {
        var receiver = await StartReceiverAsync();
        receiver.AnswerWith(500);
        var (outbox, counts) = Outbox(Options(receiver.Url));
        await outbox.AddAsync([WebhookNotices.Notice("foo", 1), WebhookNotices.Notice("foo", 2)], CancellationToken.None);

        var first = await outbox.DeliverDueAsync(CancellationToken.None);
        var duringBackoff = await outbox.DeliverDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var retry = await outbox.DeliverDueAsync(CancellationToken.None);
        var next = await outbox.DeliverDueAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1, 1), (first, duringBackoff, retry, next));
        Assert.Equal(["foo/1", "foo/1", "foo/2"], receiver.All.Select(static r => r.Delivery));
        Assert.Equal(2, counts.Get("outcome", "delivered"));
    }

    [Fact]
    public async Task Given_up_and_refused_rows_stay_with_their_reason_and_hold_nothing_back()
    {
        var receiver = await StartReceiverAsync();
        var options = Options(receiver.Url);
        options.MaxAttempts = 2;
        var (outbox, counts) = Outbox(options);
        receiver.AnswerWith(500, 503, 400);

        await outbox.AddAsync([WebhookNotices.Notice("foo", 1), WebhookNotices.Notice("foo", 2)], CancellationToken.None);
        await outbox.DeliverDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await outbox.DeliverDueAsync(CancellationToken.None);
        await outbox.DeliverDueAsync(CancellationToken.None);
        await outbox.AddAsync([WebhookNotices.Notice("foo", 3)], CancellationToken.None);
        await outbox.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(["foo/1", "foo/1", "foo/2", "foo/3"], receiver.All.Select(static r => r.Delivery));
        Assert.Equal("2|2|503|HTTP 503|true", await _database.RowAsync("foo", 1));
        Assert.Equal("3|1|400|HTTP 400|true", await _database.RowAsync("foo", 2));
        Assert.Null(await _database.RowAsync("foo", 3));
        Assert.Equal((1, 1, 1), (counts.Get("outcome", "given_up"), counts.Get("outcome", "refused"), counts.Get("outcome", "delivered")));
    }

    [Fact]
    public async Task Only_wanted_notices_are_stored_and_a_notice_written_twice_is_one_row()
    {
        var options = Options("http://127.0.0.1:9/all", "http://127.0.0.1:9/airdrops");
        options.Webhooks[1].Kinds = [TgeKind.Airdrop];
        var (outbox, counts) = Outbox(options);

        await outbox.AddAsync([WebhookNotices.Notice("foo", 1), WebhookNotices.Notice("air", 1, TgeKind.Airdrop)], CancellationToken.None);
        await outbox.AddAsync([WebhookNotices.Notice("foo", 1)], CancellationToken.None);

        Assert.Equal(3L, await _database.RowsAsync());
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM tge_webhook_outbox WHERE webhook = 'http://127.0.0.1:9/airdrops'"));
        Assert.Equal(2, counts.Get("outcome", "filtered"));
    }

    [Fact]
    public async Task A_started_outbox_delivers_what_it_stores_and_what_another_silo_left()
    {
        var receiver = await StartReceiverAsync();
        var options = Options(receiver.Url);
        options.PollInterval = TimeSpan.FromMilliseconds(20);
        var (left, _) = Outbox(options, TimeProvider.System);
        await left.AddAsync([WebhookNotices.Notice("old", 1)], CancellationToken.None);
        await left.DisposeAsync();
        var (outbox, counts) = Outbox(options, TimeProvider.System);

        await outbox.OnStartAsync(CancellationToken.None);
        var leftBehind = await receiver.NextAsync("old/1, stored by a silo that is gone");
        await outbox.AddAsync([WebhookNotices.Notice("new", 1)], CancellationToken.None);
        var stored = await receiver.NextAsync("new/1, stored by the running outbox");
        await outbox.OnStopAsync(CancellationToken.None);

        Assert.Equal(("old/1", "new/1"), (leftBehind.Delivery, stored.Delivery));
        Assert.Equal(0L, await Eventually.ReadAsync(_database.RowsAsync, static n => n == 0));
        Assert.Equal(2, await Eventually.ReadAsync(() => Task.FromResult(counts.Get("outcome", "delivered")), static n => n >= 2));
    }

    [Fact]
    public async Task Pending_rows_of_a_webhook_this_silo_does_not_deliver_to_are_reported_at_start_by_endpoint()
    {
        var (removed, _) = Outbox(Options("http://127.0.0.1:9/listings?token=s3cret"));
        await removed.AddAsync([WebhookNotices.Notice("aaa", 1), WebhookNotices.Notice("bbb", 1)], CancellationToken.None);
        var logs = new LogRecorder("TgeSwarm.Grains.Tge.Alerts");
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var (kept, _) = Outbox(Options("http://127.0.0.1:9/listings?token=s3cret"), loggers: loggers);
        var (other, _) = Outbox(Options("http://127.0.0.1:9/airdrops"), loggers: loggers);

        Assert.Equal(0, await kept.ReportUnconfiguredAsync(CancellationToken.None));
        Assert.Equal(1, await other.ReportUnconfiguredAsync(CancellationToken.None));

        // Before the logger factory goes: their data sources log through it.
        await kept.DisposeAsync();
        await other.DisposeAsync();

        var warning = Assert.Single(logs.Messages(TgeDetectionEventIds.OutboxUnconfiguredRows));
        Assert.Contains("2 notices since", warning, StringComparison.Ordinal);
        Assert.Contains("wait for http://127.0.0.1:9/listings,", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", warning, StringComparison.Ordinal);
        Assert.Equal(2L, await _database.RowsAsync());
    }

    private static TgeAlertOptions Options(params string[] urls) => new()
    {
        Webhooks = [.. urls.Select(url => new TgeWebhookOptions { Url = url, Secret = Secret })],
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(40),
        AttemptTimeout = TimeSpan.FromSeconds(20),
        LeaseDuration = TimeSpan.FromMinutes(1),
    };

    private (PostgresTgeWebhookOutbox Outbox, MeterCounts Counts) Outbox(TgeAlertOptions options, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        Assert.True(new TgeAlertOptionsValidator().Validate(null, options).Succeeded);
        var instruments = new TgeDetectionInstruments(_services.GetRequiredService<IMeterFactory>());
        var counts = new MeterCounts(instruments.Meter, "tge.alerts.webhook");
        var outbox = new PostgresTgeWebhookOutbox(
            _database.ConnectionString, Microsoft.Extensions.Options.Options.Create(options), _services.GetRequiredService<IHttpClientFactory>(),
            time ?? _clock, instruments, loggers ?? NullLoggerFactory.Instance);
        _outboxes.Add(outbox);
        return (outbox, counts);
    }

    private async Task<WebhookReceiver> StartReceiverAsync(int port = 0)
    {
        var receiver = await WebhookReceiver.StartAsync(Secret, port);
        _receivers.Add(receiver);
        return receiver;
    }
}
