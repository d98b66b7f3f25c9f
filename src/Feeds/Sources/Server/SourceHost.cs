using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>
/// The Kestrel server behind the local source server: one HTTP/1.1 listener on 127.0.0.1. The port is known only
/// after start, and the feeds' URLs need it, so requests are dispatched through a handler set once listening.
/// </summary>
internal sealed class SourceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private SourceRequestHandler? _handler;

    private SourceHost(WebApplication app, int port)
    {
        _app = app;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static async Task<SourceHost> StartAsync(int port, ILoggerFactory loggerFactory, CancellationToken stopping, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddLogging();
        // The caller's factory, registered as an instance so the host never disposes it.
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        ListenOptions? listener = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listener = listen;
        }));

        var app = builder.Build();
        SourceHost? host = null;
        app.Run(context => Volatile.Read(ref host)?.Handler is { } handler ? handler.HandleAsync(context, stopping) : Unavailable(context));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var started = new SourceHost(app, listener!.IPEndPoint!.Port);
        Volatile.Write(ref host, started);
        return started;
    }

    private SourceRequestHandler? Handler => Volatile.Read(ref _handler);

    public void Serve(SourceRequestHandler handler) => Volatile.Write(ref _handler, handler);

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Task Unavailable(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Task.CompletedTask;
    }
}
