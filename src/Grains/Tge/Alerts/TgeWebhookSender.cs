using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// Delivers notices to one webhook. Notices wait in <see cref="TgeAlertOptions.Lanes"/> bounded lanes; an event's
/// notices always take the same lane (by slug), and a lane sends one notice at a time, so the notices of one event
/// arrive in the order they were made (created before updated, version after version) while other events move on in
/// the other lanes. A full lane drops its oldest notice (counted, logged): the stream that feeds it never waits.
/// Each notice is tried up to <see cref="TgeAlertOptions.MaxAttempts"/> times with exponential backoff and jitter on
/// 5xx, 408, 429, timeouts and connection failures, then given up (logged, counted) so the lane goes on.
/// </summary>
internal sealed partial class TgeWebhookSender
{
    private readonly TgeWebhookOptions _webhook;
    private readonly TgeAlertOptions _options;
    private readonly Func<HttpClient> _http;
    private readonly TimeProvider _time;
    private readonly TgeDetectionInstruments _instruments;
    private readonly ILogger _logger;
    private readonly Uri _uri;
    private readonly Channel<TgeEventNotice>[] _lanes;
    private readonly Task[] _loops;

    public TgeWebhookSender(TgeWebhookOptions webhook, TgeAlertOptions options, Func<HttpClient> http, TimeProvider time, TgeDetectionInstruments instruments, ILogger logger)
    {
        _webhook = webhook;
        _options = options;
        _http = http;
        _time = time;
        _instruments = instruments;
        _logger = logger;
        _uri = new Uri(webhook.Url, UriKind.Absolute);
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

    public string Host => _uri.Authority;

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
        if ((_webhook.Kinds.Count > 0 && !_webhook.Kinds.Contains(record.Kind)) || record.Confidence < _webhook.MinConfidence)
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
            Log.Abandoned(_logger, Host, reader.Count);
        }
    }

    private async Task DeliverAsync(TgeEventNotice notice, CancellationToken stopping)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(notice, TgeWebhookJsonContext.Default.TgeEventNotice);
        var delivery = $"{notice.Event.TokenSlug}/{notice.Event.Version}";
        for (var attempt = 1; ; attempt++)
        {
            var result = await TryOnceAsync(notice, delivery, body, stopping);
            switch (result.Result)
            {
                case TgeWebhookResult.Delivered:
                    _instruments.Webhook("delivered", Host);
                    Log.Delivered(_logger, delivery, Host, attempt);
                    return;
                case TgeWebhookResult.Refused:
                    _instruments.Webhook("refused", Host);
                    Log.Refused(_logger, delivery, Host, result.Status, result.Detail);
                    return;
            }

            if (attempt >= _options.MaxAttempts)
            {
                _instruments.Webhook("given_up", Host);
                Log.GivenUp(_logger, delivery, Host, attempt, result.Detail);
                return;
            }

            var delay = Backoff(attempt, result.RetryAfter);
            Log.Retrying(_logger, delivery, Host, attempt, result.Detail, delay);
            await Task.Delay(delay, _time, stopping);
        }
    }

    private async Task<TgeWebhookAttempt> TryOnceAsync(TgeEventNotice notice, string delivery, byte[] body, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var stamp = _time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(TgeWebhookSignature.TimestampHeader, stamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(TgeWebhookSignature.SignatureHeader, TgeWebhookSignature.Sign(_webhook.Secret, stamp, body));
        request.Headers.Add(TgeWebhookSignature.DeliveryHeader, delivery);
        request.Headers.Add(TgeWebhookSignature.EventHeader, notice.Change == TgeEventChange.Created ? "created" : "updated");
        try
        {
            // A client per try from the factory: its pooled handler is rotated, so a receiver's DNS change is picked up
            // (disposing the client leaves the pooled handler alone).
            using var client = _http();
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new TgeWebhookAttempt(TgeWebhookResult.Delivered, status, null, "");
            }

            var retry = status is 408 or 429 || status >= 500;
            return new TgeWebhookAttempt(retry ? TgeWebhookResult.Retry : TgeWebhookResult.Refused, status, RetryAfter(response), "HTTP " + status);
        }
        catch (HttpRequestException exception)
        {
            return new TgeWebhookAttempt(TgeWebhookResult.Retry, 0, null, exception.Message);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            return new TgeWebhookAttempt(TgeWebhookResult.Retry, 0, null, $"no answer within {_options.AttemptTimeout}");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _time.GetUtcNow() : null;
    }

    // Exponential with "equal jitter": half the step is fixed, half random, so retries of many notices spread out
    // but never come sooner than half the step. A receiver's Retry-After is honoured up to MaxBackoff.
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var step = Math.Min(_options.InitialBackoff.Ticks * Math.Pow(2, attempt - 1), _options.MaxBackoff.Ticks);
        var delay = TimeSpan.FromTicks((long)((step / 2) + (Random.Shared.NextDouble() * step / 2)));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < _options.MaxBackoff ? asked : _options.MaxBackoff;
        }

        return delay;
    }

    private void Dropped(TgeEventNotice notice)
    {
        _instruments.Webhook("dropped", Host);
        Log.Dropped(_logger, notice.Event.TokenSlug, notice.Event.Version, Host, _options.QueueCapacity);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = TgeDetectionEventIds.WebhookDelivered, Level = LogLevel.Debug, Message = "Webhook {Host} took {Delivery} (try {Attempt})")]
        public static partial void Delivered(ILogger logger, string delivery, string host, int attempt);

        [LoggerMessage(EventId = TgeDetectionEventIds.WebhookRetrying, Level = LogLevel.Warning, Message = "Webhook {Host} failed {Delivery} on try {Attempt} ({Detail}); trying again in {Delay}")]
        public static partial void Retrying(ILogger logger, string delivery, string host, int attempt, string detail, TimeSpan delay);

        [LoggerMessage(EventId = TgeDetectionEventIds.WebhookGivenUp, Level = LogLevel.Error, Message = "Webhook {Host}: gave up {Delivery} after {Attempts} tries; last: {Detail}")]
        public static partial void GivenUp(ILogger logger, string delivery, string host, int attempts, string detail);

        [LoggerMessage(EventId = TgeDetectionEventIds.WebhookRefused, Level = LogLevel.Error, Message = "Webhook {Host} refused {Delivery} with status {Status} ({Detail}); not retried")]
        public static partial void Refused(ILogger logger, string delivery, string host, int status, string detail);

        [LoggerMessage(EventId = TgeDetectionEventIds.WebhookDropped, Level = LogLevel.Warning, Message = "Webhook {Host} lane full ({Capacity} notices per webhook): dropped the oldest, {Slug} version {Version}")]
        public static partial void Dropped(ILogger logger, string slug, int version, string host, int capacity);

        [LoggerMessage(EventId = TgeDetectionEventIds.WebhookAbandoned, Level = LogLevel.Warning, Message = "Webhook {Host} stopped with {Queued} notices undelivered in a lane")]
        public static partial void Abandoned(ILogger logger, string host, int queued);
    }
}
