using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// The silo's webhook senders in memory, one per configured webhook: the embedded default's outbox (no database, so
/// a silo that dies loses what waits here). The alert grain hands every notice here and returns at once: delivery
/// runs on the senders' own loops, outside grain turns, so a slow or dead receiver never holds up <c>tge.events</c>
/// or another receiver. Started and stopped with the silo; on stop the queued notices get until
/// the stop timeout to go out, then the rest is abandoned and logged.
/// </summary>
internal sealed class TgeWebhookDispatcher : ITgeWebhookOutbox, ISiloLifecycleParticipant, IAsyncDisposable
{
    public const string HttpClientName = "TgeSwarm.Tge.Webhooks";

    private readonly TgeWebhookSender[] _senders;
    private readonly CancellationTokenSource _stopping = new();
    private int _started;
    private int _disposed;

    public TgeWebhookDispatcher(
        IOptions<TgeAlertOptions> options, IHttpClientFactory httpClients, TimeProvider time, TgeDetectionInstruments instruments, ILoggerFactory loggers)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger<TgeWebhookDispatcher>();
        _senders = [.. settings.Webhooks.Select(webhook =>
            new TgeWebhookSender(webhook, settings, () => httpClients.CreateClient(HttpClientName), time, instruments, logger))];
    }

    public int Stage => SiloLifecycleStage.ApplicationServices;

    /// <summary>Notices waiting in every lane of every webhook.</summary>
    public int Queued => _senders.Sum(static sender => sender.Queued);

    public void Enqueue(TgeEventNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        foreach (var sender in _senders)
        {
            sender.Offer(notice);
        }
    }

    public Task AddAsync(IReadOnlyList<TgeEventNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        foreach (var notice in notices)
        {
            Enqueue(notice);
        }

        return Task.CompletedTask;
    }

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            foreach (var sender in _senders)
            {
                sender.Start(_stopping.Token);
            }
        }

        return Task.CompletedTask;
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_senders.Select(sender => sender.CompleteAsync(cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time: the lanes log what they leave behind as they see the cancellation.
            await _stopping.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var sender in _senders)
        {
            await sender.CompleteAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }
}
