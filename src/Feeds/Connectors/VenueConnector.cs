using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds.Connectors.Protocols;

namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// Keeps one venue's market data flowing: one WebSocket connection for a set of instruments, speaking the venue's
/// own subscribe, ping and resync messages, and handing every frame to the venue's <see cref="IVenueFeed"/>, whose
/// events go to the owner's <see cref="IFeedConsumer"/>.
/// </summary>
/// <remarks>
/// <para><b>Loop.</b> <see cref="RunAsync"/> connects, subscribes and reads until the connection ends, then waits
/// (exponential backoff with full jitter, <see cref="ReconnectBackoff"/>) and starts over, until cancelled. Each
/// connection gets a new feed, because sequence numbers and books are per connection; the statistics of ended
/// feeds are kept in <see cref="FeedStatistics"/>. A connection that stayed up for
/// <see cref="VenueConnectorOptions.ReconnectMaxDelay"/> resets the backoff.</para>
/// <para><b>Reading.</b> A message is reassembled in a pooled buffer (<see cref="FrameAssembler"/>) and handed to
/// the feed as a span; frames above <see cref="FeedLimits.MaxFrameBytes"/> are read to their end over the same
/// buffer and dropped. The consumer is flushed when the next receive does not complete at once (nothing more is
/// buffered in the socket) or after <see cref="VenueConnectorOptions.MaxFramesPerFlush"/> frames: batches grow
/// under load, and a quiet venue gets one frame per batch. The socket is not read while a flush is awaited.</para>
/// <para><b>Liveness.</b> Venues that want an application ping get one every
/// <see cref="VenueConnectorOptions.PingInterval"/>; a watchdog ends a connection that received no frame for
/// <see cref="VenueConnectorOptions.SilenceTimeout"/> (time spent in the consumer's flush does not count).</para>
/// <para><b>Resync.</b> When a feed declares a book unusable (gap, checksum) the connector resubscribes that
/// book's channel (unsubscribe + subscribe, which brings a snapshot), or on Binance fetches a new REST snapshot;
/// repeated Binance fetches without a usable snapshot in between are spaced out like reconnects.</para>
/// <para><b>Failures.</b> Network faults (WebSocket, socket, I/O and HTTP errors, timeouts) end the connection or
/// the fetch, are logged with venue, URL and reason, and are retried; they never end the loop. An exception thrown
/// by the consumer does end it: that is the owner's bug. On cancellation the socket is aborted rather than
/// closed with a handshake, so shutdown never waits on a venue.</para>
/// <para><b>Threads.</b> The loop and its feed are single-threaded; pings, the watchdog and snapshot fetches run
/// beside it and reach the feed only through the loop. <see cref="Statistics"/>, <see cref="FeedStatistics"/>
/// and <see cref="State"/> may be read from any thread.</para>
/// </remarks>
public sealed partial class VenueConnector
{
    private readonly ConnectorSettings _settings;
    private readonly VenueProtocol _protocol;
    private readonly IFeedConsumer _consumer;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<VenueConnector> _logger;
    private readonly ReconnectBackoff _backoff;
    private readonly Lock _feedLock = new();
    private FeedStatistics _endedFeeds = new();
    private IVenueFeed? _currentFeed;
    private int _state;
    private int _started;

    public VenueConnector(VenueConnectorOptions options, IFeedConsumer consumer, HttpClient http, TimeProvider time, ILogger<VenueConnector> logger)
        : this(options, consumer, http, time, logger, new Random())
    {
    }

    /// <param name="random">The source of backoff jitter; tests pass a seeded one.</param>
    internal VenueConnector(VenueConnectorOptions options, IFeedConsumer consumer, HttpClient http, TimeProvider time, ILogger<VenueConnector> logger, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(random);
        var validation = new VenueConnectorOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(VenueConnectorOptions), validation.Failures);
        }

        _settings = ConnectorSettings.Resolve(options);
        _protocol = VenueProfiles.Of(_settings.Venue).Create(_settings);
        _consumer = consumer;
        _http = http;
        _time = time;
        _logger = logger;
        _backoff = new ReconnectBackoff(_settings.ReconnectMinDelay, _settings.ReconnectMaxDelay, random);
        Url = _protocol.ConnectUrl;
    }

    public Venue Venue => _settings.Venue;

    /// <summary>The address the connector opens (for Binance, with its streams in the query).</summary>
    public Uri Url { get; }

    public ConnectorState State => (ConnectorState)Volatile.Read(ref _state);

    public ConnectorStatistics Statistics { get; } = new();

    /// <summary>The counters of the current connection's feed added to those of every earlier connection's.</summary>
    public FeedStatistics FeedStatistics
    {
        get
        {
            lock (_feedLock)
            {
                return _currentFeed is null ? FeedStatistics.Sum([_endedFeeds]) : FeedStatistics.Sum([_endedFeeds, _currentFeed.Statistics]);
            }
        }
    }

    /// <summary>
    /// Connects, streams and reconnects until <paramref name="cancellationToken"/> is cancelled, then returns (it does
    /// not throw for its own cancellation). Frames not yet flushed when it stops stay with the consumer. Runs once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A connector runs once; create a new one to run again.");
        }

        var attempt = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (attempt++ > 0)
                {
                    Statistics.Reconnecting();
                }

                var healthy = await RunConnectionAsync(cancellationToken);
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (healthy)
                {
                    _backoff.Reset();
                }

                var delay = _backoff.Next();
                SetState(ConnectorState.Backoff);
                Log.BackingOff(_logger, Venue, Url, delay, _backoff.Failures);
                await Task.Delay(delay, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while waiting to reconnect or while connecting.
        }
        finally
        {
            SetState(ConnectorState.Stopped);
            Log.Stopped(_logger, Venue, Url);
        }
    }

    private void SetState(ConnectorState state) => Volatile.Write(ref _state, (int)state);

    private long NowMicros() => (_time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
}
