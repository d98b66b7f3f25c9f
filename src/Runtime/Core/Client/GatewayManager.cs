using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// The client's gateway connections.
/// <para>
/// Pinning: grains hash into 8192 buckets (as Orleans' client does); a bucket is pinned to one open gateway
/// connection the first time it is used and stays there while that connection lives, so the calls of this client to
/// one grain leave on one connection, in order. When the connection closes, its buckets move to the remaining
/// gateways on their next call; the references stay valid.
/// </para>
/// <para>
/// Start: rounds of reading the gateway list and dialling every listed gateway; a round succeeds when one accepts.
/// Failed rounds back off linearly (<see cref="GatewayOptions.ConnectionRetryBackoff"/> × round) up to
/// <see cref="GatewayOptions.InitialConnectionAttempts"/>, then start fails naming the gateways tried and the last
/// error. When every gateway refused the handshake (cluster id or secret), start fails at once: retrying cannot help.
/// </para>
/// <para>
/// Afterwards one loop re-reads the list every <see cref="GatewayOptions.GatewayListRefreshPeriod"/> and dials the
/// gateways not connected; a closed connection wakes it at once (rounds stay at least the backoff apart, so a
/// gateway that accepts and drops cannot make it spin), and while no gateway is connected it retries at the backoff
/// pace. Calls made while no gateway is connected fail at once instead of waiting.
/// </para>
/// </summary>
internal sealed partial class GatewayManager : IAsyncDisposable
{
    public const int BucketCount = 8192;

    private readonly ConnectionManager _connections;
    private readonly IGatewayListProvider _provider;
    private readonly GatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ClientInstruments _instruments;
    private readonly ILogger _logger;
    private readonly Action<Message, string, Exception> _undeliverable;
    private readonly Lock _lock = new();
    private readonly GatewayConnection?[] _buckets = new GatewayConnection?[BucketCount];
    private readonly HashSet<IPEndPoint> _connecting = [];
    private readonly HashSet<IPEndPoint> _tried = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private GatewayConnection[] _live = [];
    private IReadOnlyList<IPEndPoint> _known = [];
    private Exception? _lastError;
    private Task? _loop;

    public GatewayManager(
        ConnectionManager connections,
        IGatewayListProvider provider,
        GatewayOptions options,
        TimeProvider time,
        ClientInstruments instruments,
        ILogger logger,
        Action<Message, string, Exception> undeliverable)
    {
        _connections = connections;
        _provider = provider;
        _options = options;
        _time = time;
        _instruments = instruments;
        _logger = logger;
        _undeliverable = undeliverable;
    }

    public int ConnectedCount => Volatile.Read(ref _live).Length;

    /// <summary>The open gateway connections, for diagnostics and tests.</summary>
    public IReadOnlyList<GatewayConnection> Connected => Volatile.Read(ref _live);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarting(_logger, _provider.ToString() ?? _provider.GetType().Name);
        var attempts = _options.InitialConnectionAttempts;
        for (var attempt = 1; ; attempt++)
        {
            var errors = await ConnectRoundAsync(cancellationToken);
            if (ConnectedCount > 0)
            {
                LogStarted(_logger, ConnectedCount, attempt);
                _loop = MaintainAsync(_stopping.Token);
                return;
            }

            if (errors.Count > 0 && errors.All(static e => e is ConnectionRefusedException))
            {
                throw new SwarmException(
                    $"The cluster client could not connect: every gateway refused it ({DescribeTried()}). {errors[^1].Message} "
                    + "Check that ClusterOptions.ClusterId and ConnectionOptions.ClusterSecret match the silos'.", errors[^1]);
            }

            if (attempt >= attempts)
            {
                break;
            }

            var pause = _options.ConnectionRetryBackoff * attempt;
            LogRoundFailed(_logger, attempt, attempts, pause, LastErrorMessage);
            await Task.Delay(pause, _time, cancellationToken);
        }

        throw new SiloUnavailableException(
            $"The cluster client could not connect to any gateway in {attempts} attempts (GatewayOptions.InitialConnectionAttempts); "
            + $"tried {DescribeTried()}. Last error: {LastErrorMessage}", Volatile.Read(ref _lastError));
    }

    /// <summary>The gateway connection calls to <paramref name="grain"/> use, or null when no gateway is connected.</summary>
    public GatewayConnection? Pick(GrainId grain)
    {
        var hash = grain.GetUniformHashCode();
        ref var bucket = ref _buckets[hash % BucketCount];
        var pinned = Volatile.Read(ref bucket);
        if (pinned is { IsClosed: false })
        {
            return pinned;
        }

        var live = Volatile.Read(ref _live);
        if (live.Length == 0)
        {
            return null;
        }

        var start = (int)(hash / BucketCount % (uint)live.Length);
        var chosen = live[start];
        for (var step = 1; chosen.IsClosed && step < live.Length; step++)
        {
            // Closed but not yet taken off the list (its OnClosed is on its way): the next open one serves meanwhile.
            chosen = live[(start + step) % live.Length];
        }

        if (chosen.IsClosed)
        {
            return null;
        }

        var raced = Interlocked.CompareExchange(ref bucket, chosen, pinned);
        return ReferenceEquals(raced, pinned) || raced is null ? chosen : raced;
    }

    /// <summary>Why a call finds no gateway: the gateways known and the last connection error.</summary>
    public string DescribeUnreachable()
    {
        IReadOnlyList<IPEndPoint> known;
        lock (_lock)
        {
            known = _known;
        }

        var tried = known.Count == 0 ? $"the gateway list ({_provider}) is empty" : $"tried {string.Join(", ", known)}";
        return $"No gateway is reachable: {tried}. Last error: {LastErrorMessage}";
    }

    /// <summary>A gateway connection closed: its buckets move on their next call, and the reconnect loop wakes.</summary>
    public void OnClosed(Connection connection, Exception? error)
    {
        GatewayConnection? lost = null;
        lock (_lock)
        {
            foreach (var gateway in _live)
            {
                if (ReferenceEquals(gateway.Connection, connection))
                {
                    lost = gateway;
                    _live = [.. _live.Where(g => !ReferenceEquals(g, gateway))];
                    break;
                }
            }

            if (error is not null)
            {
                _lastError = error;
            }
        }

        if (lost is null)
        {
            return;
        }

        _instruments.GatewaysConnected.Add(-1);
        LogGatewayLost(_logger, lost.Endpoint, lost.Silo, error?.Message ?? "orderly close", ConnectedCount);
        _wake.Writer.TryWrite(true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_loop is { } loop)
        {
            await loop;
        }

        await _connections.DisposeAsync();
        _stopping.Dispose();
    }

    private string LastErrorMessage => Volatile.Read(ref _lastError)?.Message ?? "none (no gateway was listed)";

    private string DescribeTried()
    {
        lock (_lock)
        {
            return _tried.Count == 0 ? $"the gateway list ({_provider}) was empty" : string.Join(", ", _tried);
        }
    }
}
