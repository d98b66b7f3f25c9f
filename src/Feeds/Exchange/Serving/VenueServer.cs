using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TgeSwarm.Feeds.Exchange.Scripts;

namespace TgeSwarm.Feeds.Exchange.Serving;

/// <summary>
/// One venue on its own port: WebSocket upgrades at the recorded paths become <see cref="ReplayConnection"/>s, other
/// requests are answered from the recorded REST bodies, anything else is a 404 that says what is recorded.
/// It also keeps the venue-wide facts a connection needs from its siblings: where a looping replay's next connection
/// starts, and which connection a Binance depth snapshot is for.
/// </summary>
internal sealed class VenueServer
{
    private readonly ConcurrentDictionary<long, ReplayConnection> _live = new();
    private readonly RestResponder _rest;
    private readonly Lock _passLock = new();
    private long _highestClosedPass = -1;
    private long _ordinals;

    public VenueServer(PreparedVenue venue, ReplayExchangeOptions options, TimeProvider time, ExchangeCounters counters, ILogger logger)
    {
        Venue = venue;
        Options = options;
        Time = time;
        Counters = counters;
        Logger = logger;
        _rest = new RestResponder(venue.Recording.Http);
    }

    public PreparedVenue Venue { get; }

    public ReplayExchangeOptions Options { get; }

    public TimeProvider Time { get; }

    public ExchangeCounters Counters { get; }

    public ILogger Logger { get; }

    /// <summary>Recorded REST paths and queries, in recorded order.</summary>
    public IReadOnlyList<string> RestPaths => _rest.Recorded;

    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        var path = context.Request.Path.HasValue ? context.Request.Path.Value! : "/";
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value! : string.Empty;
        if (context.WebSockets.IsWebSocketRequest)
        {
            await HandleWebSocketAsync(context, path, query, stopping);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && TryRest(path, query, out var body))
        {
            Counters.HttpRequest();
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            return;
        }

        var wsPaths = Venue.Connections.Select(static c => c.Recorded.Path).Distinct(StringComparer.Ordinal).ToList();
        var message = wsPaths.Contains(path, StringComparer.Ordinal)
            ? $"{path} on {VenueNames.Name(Venue.Venue)} is a recorded WebSocket endpoint: connect with a WebSocket upgrade."
            : $"No recorded response for {context.Request.Method} {path}{query} on {VenueNames.Name(Venue.Venue)}. Recorded REST: {Listing(_rest.Recorded)}. Recorded WebSocket paths: {Listing(wsPaths)}.";
        await NotFoundAsync(context, "response", path + query, message);
    }

    /// <summary>The first pass of a new connection: 0 without looping; with it, past every pass a closed connection reached and level with the live ones, so ids a client already saw (before a reconnect) are not reused.</summary>
    public long StartPass()
    {
        if (!Options.Loop)
        {
            return 0;
        }

        lock (_passLock)
        {
            var pass = _highestClosedPass + 1;
            foreach (var connection in _live.Values)
            {
                pass = Math.Max(pass, connection.CurrentPass);
            }

            return pass;
        }
    }

    public void Closed(ReplayConnection connection)
    {
        _live.TryRemove(connection.Id, out _);
        if (connection.Script is not null)
        {
            lock (_passLock)
            {
                _highestClosedPass = Math.Max(_highestClosedPass, connection.CurrentPass);
            }
        }
    }

    private async Task HandleWebSocketAsync(HttpContext context, string path, string query, CancellationToken stopping)
    {
        var candidates = Venue.At(path);
        if (candidates.Count == 0)
        {
            var recorded = Venue.Connections.Select(static c => c.Recorded.Path).Distinct(StringComparer.Ordinal);
            await NotFoundAsync(context, "WebSocket connection", path + query, $"No recorded WebSocket connection at {path} on {VenueNames.Name(Venue.Venue)}. Recorded: {Listing([.. recorded])}.");
            return;
        }

        // Taken before the upgrade completes, so a client (or a test clock) cannot act before the subscribe timeout starts.
        var acceptedAt = Time.GetTimestamp();
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var counters = Counters.OpenConnection(Venue.Venue, path + query);
        var connection = new ReplayConnection(this, socket, counters, candidates, query, Interlocked.Increment(ref _ordinals), acceptedAt);
        _live[connection.Id] = connection;
        ExchangeLog.ConnectionOpened(Logger, Venue.Venue, connection.Id, path + query);
        await connection.RunAsync(stopping);
    }

    private bool TryRest(string path, string query, out byte[] body)
    {
        if (Options.Loop && Venue.BookResets.Count > 0)
        {
            foreach (var reset in Venue.BookResets)
            {
                if (BinanceBookReset.IsSnapshotOf(new Uri("http://replay" + path + query), reset.Symbol) && _rest.TryRespond(path, query, out _))
                {
                    body = reset.Snapshot(SnapshotPass(reset));
                    return true;
                }
            }
        }

        return _rest.TryRespond(path, query, out body);
    }

    /// <summary>The pass whose snapshot fits the newest live connection streaming the symbol (0 when none does).</summary>
    private long SnapshotPass(BinanceBookReset reset)
    {
        ReplayConnection? newest = null;
        var keyIndex = -1;
        foreach (var connection in _live.Values)
        {
            var index = connection.Script?.IndexOf(reset.Key) ?? -1;
            if (index >= 0 && connection.Script!.IsEnabled(index) && (newest is null || connection.Id > newest.Id))
            {
                newest = connection;
                keyIndex = index;
            }
        }

        if (newest is null)
        {
            return 0;
        }

        var lastSent = newest.LastSentId(keyIndex);
        return lastSent < 0 ? newest.CurrentPass : reset.PassFor(lastSent);
    }

    private async Task NotFoundAsync(HttpContext context, string what, string pathAndQuery, string message)
    {
        Counters.HttpNotFound();
        ExchangeLog.NotFound(Logger, Venue.Venue, what, pathAndQuery);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(message), context.RequestAborted);
    }

    private static string Listing(IReadOnlyList<string> items) =>
        items.Count == 0 ? "none" : items.Count <= 8 ? string.Join(", ", items) : $"{string.Join(", ", items.Take(8))} and {items.Count - 8} more";
}
