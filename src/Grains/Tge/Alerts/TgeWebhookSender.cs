using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// Delivers notices to one webhook from memory (the embedded default; a cluster with PostgreSQL uses
/// <see cref="PostgresTgeWebhookOutbox"/>). Notices wait in <see cref="TgeAlertOptions.Lanes"/> bounded lanes; an
/// event's notices always take the same lane (by slug), and a lane sends one notice at a time, so the notices of one
/// event arrive in the order they were made (created before updated, version after version) while other events move
/// on in the other lanes. A full lane drops its oldest notice (counted, logged): the stream that feeds it never waits.
/// Each notice is tried up to <see cref="TgeAlertOptions.MaxAttempts"/> times with exponential backoff and jitter on
/// 5xx, 408, 429, timeouts and connection failures, then given up (logged, counted) so the lane goes on.
/// </summary>
internal sealed class TgeWebhookSender
{
    private readonly TgeWebhookPoster _poster;
    private readonly TgeAlertOptions _options;
    private readonly TimeProvider _time;
    private readonly TgeDetectionInstruments _instruments;
    private readonly ILogger _logger;
    private readonly Channel<TgeEventNotice>[] _lanes;
    private readonly Task[] _loops;

    public TgeWebhookSender(TgeWebhookOptions webhook, TgeAlertOptions options, Func<HttpClient> http, TimeProvider time, TgeDetectionInstruments instruments, ILogger logger)
    {
        _poster = new TgeWebhookPoster(webhook, options.AttemptTimeout, http, time);
        _options = options;
        _time = time;
        _instruments = instruments;
        _logger = logger;
        var perLane = Math.Max(1, options.QueueCapacity / options.Lanes);
        _lanes = new Channel<TgeEventNotice>[options.Lanes];
        _loops = new Task[options.Lanes];
        for (var i = 0; i < _lanes.Length; i++)
        {
            _lanes[i] = Channel.CreateBounded<TgeEventNotice>(
                new BoundedChannelOptions(perLane) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                Dropped);
            _loops[i] = Task.CompletedTask;
        }
    }

    public string Host => _poster.Host;

    public void Start(CancellationToken stopping)
    {
        for (var i = 0; i < _lanes.Length; i++)
        {
            var reader = _lanes[i].Reader;
            _loops[i] = Task.Run(() => RunLaneAsync(reader, stopping), CancellationToken.None);
        }
    }

    /// <summary>Queues <paramref name="notice"/> if this webhook wants it; never waits.</summary>
    public bool Offer(TgeEventNotice notice)
    {
        var record = notice.Event;
        if (!_poster.Wants(record))
        {
            _instruments.Webhook("filtered", Host);
            return false;
        }

        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(record.TokenSlug) % (uint)_lanes.Length);
        return _lanes[lane].Writer.TryWrite(notice);
    }

    /// <summary>Takes no more notices; completes when the queued ones are delivered or given up, or when <paramref name="cancellationToken"/> fires.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        return Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    public int Queued => _lanes.Sum(static lane => lane.Reader.Count);

    private async Task RunLaneAsync(ChannelReader<TgeEventNotice> reader, CancellationToken stopping)
    {
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                while (reader.TryRead(out var notice))
                {
                    await DeliverAsync(notice, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            TgeWebhookLog.Abandoned(_logger, Host, reader.Count);
        }
    }

    private async Task DeliverAsync(TgeEventNotice notice, CancellationToken stopping)
    {
        var body = TgeWebhookPoster.BodyOf(notice);
        var delivery = TgeWebhookPoster.DeliveryOf(notice.Event);
        for (var attempt = 1; ; attempt++)
        {
            var result = await _poster.PostAsync(delivery, notice.Change, body, stopping);
            switch (result.Result)
            {
                case TgeWebhookResult.Delivered:
                    _instruments.Webhook("delivered", Host);
                    TgeWebhookLog.Delivered(_logger, delivery, Host, attempt);
                    return;
                case TgeWebhookResult.Refused:
                    _instruments.Webhook("refused", Host);
                    TgeWebhookLog.Refused(_logger, delivery, Host, result.Status, result.Detail);
                    return;
            }

            if (attempt >= _options.MaxAttempts)
            {
                _instruments.Webhook("given_up", Host);
                TgeWebhookLog.GivenUp(_logger, delivery, Host, attempt, result.Detail);
                return;
            }

            var delay = TgeWebhookBackoff.After(_options, attempt, result.RetryAfter);
            TgeWebhookLog.Retrying(_logger, delivery, Host, attempt, result.Detail, delay);
            await Task.Delay(delay, _time, stopping);
        }
    }

    private void Dropped(TgeEventNotice notice)
    {
        _instruments.Webhook("dropped", Host);
        TgeWebhookLog.Dropped(_logger, notice.Event.TokenSlug, notice.Event.Version, Host, _options.QueueCapacity);
    }
}
