using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Tge.Alerts;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel, port chosen by the OS) that checks each request's signature, records it,
/// and answers with the status the test chose for it (200 unless told otherwise).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly string _secret;

    private WebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        _secret = secret;
    }

    public string Url { get; private set; } = "";

    /// <summary>Called before each answer; a test may hold a request here.</summary>
    public Func<Received, Task> BeforeAnswer { get; set; } = static _ => Task.CompletedTask;

    public ConcurrentQueue<Received> All { get; } = new();

    /// <summary>Starts a receiver on <paramref name="port"/> (0: one the OS picks), e.g. one a test kept closed so far.</summary>
    public static async Task<WebhookReceiver> StartAsync(string secret, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address + "/hook";
        return receiver;
    }

    /// <summary>The statuses of the next answers, in order; after them, 200.</summary>
    public void AnswerWith(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    public async Task<Received> NextAsync(string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"timed out after 30 s waiting for the webhook receiver to get {what}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var received = new Received(
            body,
            request.Headers[TgeWebhookSignature.TimestampHeader].ToString(),
            request.Headers[TgeWebhookSignature.SignatureHeader].ToString(),
            request.Headers[TgeWebhookSignature.DeliveryHeader].ToString(),
            request.Headers[TgeWebhookSignature.EventHeader].ToString(),
            request.ContentType ?? "",
            TgeWebhookSignature.Verify(_secret, request.Headers[TgeWebhookSignature.TimestampHeader], body, request.Headers[TgeWebhookSignature.SignatureHeader]));
        All.Enqueue(received);
        await BeforeAnswer(received);
        var status = _statuses.TryDequeue(out var next) ? next : 200;
        await _received.Writer.WriteAsync(received);
        return Results.StatusCode(status);
    }

    internal sealed record Received(byte[] Body, string Timestamp, string Signature, string Delivery, string Event, string ContentType, bool SignatureValid);
}
