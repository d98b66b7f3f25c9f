using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Exchange.Serving;

/// <summary>
/// The Kestrel server behind a replay exchange: one 127.0.0.1 listener per venue (the venues' recorded paths
/// overlap, Kraken's and Coinbase's are both <c>/</c>), requests dispatched to the venue by the local port.
/// </summary>
internal sealed class ExchangeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<VenueServer, int> _ports;

    private ExchangeHost(WebApplication app, Dictionary<VenueServer, int> ports)
    {
        _app = app;
        _ports = ports;
    }

    public int PortOf(VenueServer server) => _ports[server];

    public static async Task<ExchangeHost> StartAsync(IReadOnlyList<VenueServer> servers, int firstPort, ILoggerFactory loggerFactory, CancellationToken stopping, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddLogging();
        // The caller's factory: registered as an instance, so the host never disposes it.
        builder.Services.Replace(ServiceDescriptor.Singleton(loggerFactory));
        var listeners = new Dictionary<VenueServer, ListenOptions>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < servers.Count; i++)
            {
                var server = servers[i];
                kestrel.Listen(IPAddress.Loopback, firstPort == 0 ? 0 : firstPort + i, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    listeners[server] = listen;
                });
            }
        });

        var app = builder.Build();
        FrozenDictionary<int, VenueServer>? byPort = null;
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.Run(context => Volatile.Read(ref byPort) is { } routes && routes.TryGetValue(context.Connection.LocalPort, out var server)
            ? server.HandleAsync(context, stopping)
            : Unavailable(context));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var ports = servers.ToDictionary(s => s, s => listeners[s].IPEndPoint!.Port);
        Volatile.Write(ref byPort, ports.ToFrozenDictionary(static p => p.Value, static p => p.Key));
        return new ExchangeHost(app, ports);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Task Unavailable(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Task.CompletedTask;
    }
}
