using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>
/// One signed POST of a notice to one webhook (EVENTS.md, "Webhooks"). The in-memory lanes and the PostgreSQL outbox
/// both send through it, so a receiver sees the same request, headers and signature whichever one a silo runs.
/// </summary>
internal sealed class TgeWebhookPoster(TgeWebhookOptions webhook, TimeSpan attemptTimeout, Func<HttpClient> http, TimeProvider time)
{
    private readonly Uri _uri = new(webhook.Url, UriKind.Absolute);

    public TgeWebhookOptions Webhook => webhook;

    /// <summary>Host and port of the receiver: the <c>host</c> tag of the webhook metric.</summary>
    public string Host => _uri.Authority;

    /// <summary>The <c>X-TgeSwarm-Delivery</c> id: the same for every try and every repeat of one notice.</summary>
    public static string DeliveryOf(TgeEvent record) => string.Create(CultureInfo.InvariantCulture, $"{record.TokenSlug}/{record.Version}");

    public static byte[] BodyOf(TgeEventNotice notice) => JsonSerializer.SerializeToUtf8Bytes(notice, TgeWebhookJsonContext.Default.TgeEventNotice);

    /// <summary>Whether this webhook asked for events of this kind and confidence.</summary>
    public bool Wants(TgeEvent record) =>
        (webhook.Kinds.Count == 0 || webhook.Kinds.Contains(record.Kind)) && record.Confidence >= webhook.MinConfidence;

    public async Task<TgeWebhookAttempt> PostAsync(string delivery, TgeEventChange change, byte[] body, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(attemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var stamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(TgeWebhookSignature.TimestampHeader, stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(TgeWebhookSignature.SignatureHeader, TgeWebhookSignature.Sign(webhook.Secret, stamp, body));
        request.Headers.Add(TgeWebhookSignature.DeliveryHeader, delivery);
        request.Headers.Add(TgeWebhookSignature.EventHeader, change == TgeEventChange.Created ? "created" : "updated");
        try
        {
            // A client per try from the factory: its pooled handler is rotated, so a receiver's DNS change is picked up
            // (disposing the client leaves the pooled handler alone).
            using var client = http();
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
            return new TgeWebhookAttempt(TgeWebhookResult.Retry, 0, null, $"no answer within {attemptTimeout}");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - time.GetUtcNow() : null;
    }
}
