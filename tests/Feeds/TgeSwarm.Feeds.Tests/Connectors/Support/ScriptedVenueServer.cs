using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>
/// A venue the test scripts: Kestrel on 127.0.0.1 (port chosen by the OS) that accepts WebSocket connections on
/// any path and hands each to the test as a <see cref="ScriptedConnection"/>, and answers plain HTTP requests
/// with <see cref="Rest"/> (Binance depth snapshots), counting them by path and query.
/// </summary>
internal sealed class ScriptedVenueServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ScriptedConnection> _connections = Channel.CreateUnbounded<ScriptedConnection>();
    private readonly List<ScriptedConnection> _all = [];
    private readonly List<string> _restRequests = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _refusals;

    private ScriptedVenueServer(WebApplication app) => _app = app;

    /// <summary>Answers an HTTP request (path and query) with a body, or null for 404.</summary>
    public Func<string, string?> Rest { get; set; } = static _ => null;

    public Uri HttpBase { get; private set; } = null!;

    public static async Task<ScriptedVenueServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedVenueServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.HttpBase = new Uri(address);
        return server;
    }

    /// <summary>Answers the next <paramref name="count"/> WebSocket handshakes with 503, as a venue that is down.</summary>
    public void RefuseWebSockets(int count) => Volatile.Write(ref _refusals, count);

    public Uri WebSocketUrl(string pathAndQuery) => new($"ws://127.0.0.1:{HttpBase.Port}{pathAndQuery}");

    public int RestRequestCount(string pathAndQuery)
    {
        lock (_restRequests)
        {
            return _restRequests.Count(r => r == pathAndQuery);
        }
    }

    /// <summary>The next WebSocket connection a client opens.</summary>
    public async Task<ScriptedConnection> NextConnectionAsync(string waitingFor)
    {
        using var bound = new CancellationTokenSource(Bounds.Wait);
        try
        {
            return await _connections.Reader.ReadAsync(bound.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            throw new TimeoutException($"timed out after {Bounds.Wait} waiting for a connection: {waitingFor}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        ScriptedConnection[] all;
        lock (_all)
        {
            all = [.. _all];
        }

        foreach (var connection in all)
        {
            connection.Abort();
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            var target = context.Request.Path + context.Request.QueryString;
            lock (_restRequests)
            {
                _restRequests.Add(target);
            }

            if (Rest(target) is { } body)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        if (Interlocked.Decrement(ref _refusals) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new ScriptedConnection(socket, context.Request.Path + context.Request.QueryString);
        lock (_all)
        {
            _all.Add(connection);
        }

        _connections.Writer.TryWrite(connection);
        await connection.ReadUntilClosedAsync(_stopping.Token);
    }
}
