using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Exchange.Serving;

namespace TgeSwarm.Feeds.Exchange;

/// <summary>
/// A loopback exchange that serves the recorded sessions (<see cref="RecordedSessions"/>) so connectors run against
/// it exactly as against the venues: each venue on a 127.0.0.1 port of its own, its recorded REST bodies at their
/// recorded paths and queries, and its recorded WebSocket frames at the recorded connection paths.
/// <para>
/// A WebSocket client subscribes as it would at the venue (Binance in the URL, the others by message). Its
/// subscriptions are read into canonical keys, so ids, key order, whitespace and batching do not matter, and must be
/// ones the recording has: anything else is closed with 1008 and a reason naming the stray subscription. The
/// recorded connections that share a subscription with the client are then replayed to it, merged in recorded
/// order, each frame only while the client holds the subscription that owns it; pings are answered as the venue
/// answers them.
/// </para>
/// <para>
/// Frames are paced by their recorded times divided by <see cref="ReplayExchangeOptions.Speed"/> (0: as fast as the
/// socket takes them). With <see cref="ReplayExchangeOptions.Loop"/> a connection replays the recording pass after
/// pass: every id, sequence number and time a client checks is moved on per pass (ids by their class's span, times
/// by a whole-second pass period), book snapshots open each pass, and Binance gets a reset diff in place of a
/// snapshot, so a client's dedup, gap and checksum checks see one continuous session. Pass 0 is the recording byte
/// for byte. Faults (<see cref="ReplayFault"/>) drop, spoil, duplicate, close or silence, deterministically.
/// </para>
/// <para>
/// Failure modes: a client that vanishes only ends its own connection; stopping the exchange closes every
/// connection with 1001 and waits (bounded) for the close handshakes. Not simulated: the venue's state beyond the
/// recording — a subscription taken back and given again mid-pass gets no fresh snapshot until the next pass
/// (Binance REST snapshots excepted, which are served for the asking connection's pass).
/// </para>
/// EXCHANGE.md describes what is served where and the rebasing rules per venue.
/// </summary>
public sealed class ReplayExchange : IAsyncDisposable
{
    private readonly ExchangeCounters _counters;
    private readonly CancellationTokenSource _stopping;
    private readonly ILogger _logger;
    private readonly Dictionary<Venue, ReplayVenueEndpoint> _endpoints;
    private int _stopped;

    private ReplayExchange(ExchangeHost host, ExchangeCounters counters, CancellationTokenSource stopping, ILogger logger, Dictionary<Venue, ReplayVenueEndpoint> endpoints, IReadOnlyList<Venue> venues)
    {
        Host = host;
        _counters = counters;
        _stopping = stopping;
        _logger = logger;
        _endpoints = endpoints;
        Venues = venues;
    }

    /// <summary>The venues served, in the order of <see cref="ReplayExchangeOptions.Venues"/>.</summary>
    public IReadOnlyList<Venue> Venues { get; }

    /// <summary>Every venue's endpoint, in <see cref="Venues"/> order.</summary>
    public IReadOnlyList<ReplayVenueEndpoint> Endpoints => [.. Venues.Select(v => _endpoints[v])];

    /// <summary>What the exchange has done so far: connections, frames per venue and connection, faults per kind.</summary>
    public ReplayExchangeStatistics Statistics => _counters.Snapshot(Venues);

    private ExchangeHost Host { get; }

    /// <summary>Where <paramref name="venue"/> is served.</summary>
    /// <exception cref="ArgumentException">The venue is not served by this exchange.</exception>
    public ReplayVenueEndpoint Endpoint(Venue venue) =>
        _endpoints.TryGetValue(venue, out var endpoint) ? endpoint : throw new ArgumentException($"{VenueNames.Name(venue)} is not served by this replay exchange (serving {string.Join(", ", Venues.Select(VenueNames.Name))}).", nameof(venue));

    /// <summary>
    /// Validates <paramref name="options"/> (a copy is taken: later changes have no effect), loads the recordings and
    /// starts serving. Pacing and silences follow <paramref name="timeProvider"/> (default: the system clock).
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="IOException">A port could not be bound.</exception>
    public static Task<ReplayExchange> StartAsync(ReplayExchangeOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        StartAsync(options, PreparedVenue.Load, loggerFactory, timeProvider, cancellationToken);

    /// <summary>As the public overload, with the recordings prepared by <paramref name="prepare"/> (tests share prepared recordings, which are immutable).</summary>
    internal static async Task<ReplayExchange> StartAsync(ReplayExchangeOptions options, Func<Venue, PreparedVenue> prepare, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new ReplayExchangeOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(ReplayExchangeOptions.SectionName, typeof(ReplayExchangeOptions), validation.Failures);
        }

        var settings = Copy(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var logger = loggerFactory.CreateLogger<ReplayExchange>();
        var counters = new ExchangeCounters();
        var stopping = new CancellationTokenSource();
        var servers = new List<VenueServer>();
        foreach (var venue in settings.Venues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            servers.Add(new VenueServer(prepare(venue), settings, time, counters, logger));
        }

        ExchangeHost host;
        try
        {
            host = await ExchangeHost.StartAsync(servers, settings.Port, loggerFactory, stopping.Token, cancellationToken);
        }
        catch
        {
            stopping.Dispose();
            throw;
        }

        var endpoints = new Dictionary<Venue, ReplayVenueEndpoint>();
        foreach (var server in servers)
        {
            var endpoint = EndpointOf(server, host.PortOf(server));
            endpoints.Add(server.Venue.Venue, endpoint);
            ExchangeLog.Started(logger, server.Venue.Venue, endpoint.WebSocketBaseUrl, settings.Speed, settings.Loop, settings.Faults.Count);
        }

        return new ReplayExchange(host, counters, stopping, logger, endpoints, [.. settings.Venues]);
    }

    /// <summary>Closes every connection (1001) and stops listening.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Host.StopAsync(cancellationToken);
        ExchangeLog.Stopped(_logger, _counters.Snapshot(Venues).Connections);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Host.DisposeAsync();
        _stopping.Dispose();
    }

    private static ReplayVenueEndpoint EndpointOf(VenueServer server, int port)
    {
        var rest = new Uri($"http://127.0.0.1:{port}/");
        var ws = new Uri($"ws://127.0.0.1:{port}/");
        var wsUrls = server.Venue.Connections.Select(c => c.Recorded.Address.PathAndQuery).Distinct(StringComparer.Ordinal).Select(p => new Uri(ws, p));
        var restUrls = server.RestPaths.Select(p => new Uri(rest, p));
        return new ReplayVenueEndpoint(server.Venue.Venue, rest, ws, [.. wsUrls], [.. restUrls]);
    }

    private static ReplayExchangeOptions Copy(ReplayExchangeOptions options) => new()
    {
        Venues = [.. options.Venues],
        Port = options.Port,
        Speed = options.Speed,
        Loop = options.Loop,
        KeepOpenAtEnd = options.KeepOpenAtEnd,
        SubscribeTimeout = options.SubscribeTimeout,
        SubscribeSettle = options.SubscribeSettle,
        Seed = options.Seed,
        Faults = [.. options.Faults.Select(static f => new ReplayFault
        {
            Kind = f.Kind,
            At = f.At,
            Probability = f.Probability,
            Duration = f.Duration,
            Corruption = f.Corruption,
            Venue = f.Venue,
            FirstConnections = f.FirstConnections,
        })],
    };
}
