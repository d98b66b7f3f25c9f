using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// Durable webhook delivery when the silo has a database (EVENTS.md, "Webhooks"; table <c>tge_webhook_outbox</c>).
/// <para>
/// Guarantee: a notice the alert grain handed over is delivered at least once to every webhook that wants it, or
/// recorded as given up or refused with the reason, whatever happens to the silos. <see cref="AddAsync"/> writes one
/// row per notice and webhook and returns only after the commit, so <c>tge.events</c> acknowledges only what is in the
/// table. Every silo runs a pump per webhook that claims due rows with a lease (owner + expiry, FOR UPDATE SKIP
/// LOCKED) and makes one try per claim: delivered rows are deleted; a retry is written back with its next time, so
/// backoff survives a restart; the last failed try or a refusal leaves the row as given up or refused. A silo that
/// dies holding leases delays those rows until the lease ends (<see cref="TgeAlertOptions.LeaseDuration"/>, longer
/// than a try may take); then any silo takes them. A silo that comes up picks up what is due at once.
/// </para>
/// <para>
/// Order: a row is not claimed while an earlier row of the same webhook and token slug is pending, so one event's
/// notices arrive in the order they were made, across silos and restarts, while other events go on. Duplicates: a
/// try whose answer was lost, or whose lease ran out before its outcome was written, is sent again; receivers dedupe
/// on <c>X-TgeSwarm-Delivery</c>. The pump wakes on its own inserts, on a finished try and every
/// <see cref="TgeAlertOptions.PollInterval"/> (for other silos' rows and due retries).
/// </para>
/// </summary>
internal sealed partial class PostgresTgeWebhookOutbox : ITgeWebhookOutbox, ISiloLifecycleParticipant, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TgeAlertOptions _options;
    private readonly TimeProvider _time;
    private readonly TgeDetectionInstruments _instruments;
    private readonly ILogger _logger;
    private readonly TgeWebhookPoster[] _webhooks;
    private readonly Channel<bool>[] _wakes;
    private readonly CancellationTokenSource _claiming = new();
    private readonly CancellationTokenSource _trying = new();
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private Task[] _pumps = [];
    private int _started;
    private int _disposed;

    public PostgresTgeWebhookOutbox(
        string connectionString, IOptions<TgeAlertOptions> options, IHttpClientFactory httpClients, TimeProvider time,
        TgeDetectionInstruments instruments, ILoggerFactory loggers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _options = options.Value;
        _time = time;
        _instruments = instruments;
        _logger = loggers.CreateLogger<PostgresTgeWebhookOutbox>();
        _dataSource = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(loggers).Build();
        _webhooks = [.. _options.Webhooks.Select(webhook =>
            new TgeWebhookPoster(webhook, _options.AttemptTimeout, () => httpClients.CreateClient(TgeWebhookDispatcher.HttpClientName), time))];
        _wakes = [.. _webhooks.Select(static _ =>
            Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true }))];
    }

    public int Stage => SiloLifecycleStage.ApplicationServices;

    public async Task AddAsync(IReadOnlyList<TgeEventNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (_webhooks.Length == 0 || notices.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var wanted = new bool[_webhooks.Length];
        await using var batch = _dataSource.CreateBatch();
        foreach (var notice in notices)
        {
            var body = Encoding.UTF8.GetString(TgeWebhookPoster.BodyOf(notice));
            for (var i = 0; i < _webhooks.Length; i++)
            {
                var webhook = _webhooks[i];
                if (!webhook.Wants(notice.Event))
                {
                    _instruments.Webhook("filtered", webhook.Host);
                    continue;
                }

                // One statement per row, in notice order, in the batch's one implicit transaction: ids follow the
                // order the notices were made, which the claim's per-slug order relies on.
                var command = batch.CreateBatchCommand();
                command.CommandText = TgeOutboxSql.Insert;
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = webhook.Webhook.Url });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = notice.Event.TokenSlug });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = notice.Event.Version });
                command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)notice.Change });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = body });
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
                batch.BatchCommands.Add(command);
                wanted[i] = true;
            }
        }

        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        for (var i = 0; i < _wakes.Length; i++)
        {
            if (wanted[i])
            {
                _wakes[i].Writer.TryWrite(true);
            }
        }
    }

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _pumps = [
                .. _webhooks.Select((webhook, i) => Task.Run(() => PumpAsync(webhook, _wakes[i]), CancellationToken.None)),
                Task.Run(() => ReportUnconfiguredAsync(_claiming.Token), CancellationToken.None)];
        }

        return Task.CompletedTask;
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        // No new claims; tries under way get until the stop timeout, then are cut and their rows wait out the lease.
        await _claiming.CancelAsync();
        try
        {
            await Task.WhenAll(_pumps).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _trying.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _claiming.CancelAsync();
        await _trying.CancelAsync();
        await Task.WhenAll(_pumps).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _claiming.Dispose();
        _trying.Dispose();
        await _dataSource.DisposeAsync();
    }
}
