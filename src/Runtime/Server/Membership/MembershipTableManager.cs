using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// This silo's only door to the membership table, and the publisher of its view of the cluster.
/// <para>
/// Every row change is a compare-and-swap on the table version: read the table, derive the new row from what was
/// read, write with the read etag and version + 1; a lost race re-reads and decides again (a vote may have become a
/// death declaration meanwhile, a status may already be written). Rows are never revived: a Dead row stays Dead.
/// </para>
/// <para>
/// Every read (periodic refresh, a change-feed notification, the read before a write) goes through
/// <see cref="Process"/>, which publishes a snapshot when the version is newer than the current one (so the view
/// never moves back, whatever order concurrent reads finish in), logs each status change, and stops this silo
/// through <see cref="ISiloTerminator"/> when its own row reads Dead.
/// </para>
/// <para>
/// The table being unreachable never crashes the silo (safety over liveness): reads and writes are retried, the
/// silo keeps serving with the view it has, nobody joins and nobody is declared dead until the table is back.
/// The first failure is a warning, the recovery an information; failures in between are debug noise.
/// </para>
/// </summary>
internal sealed partial class MembershipTableManager : IClusterMembershipService, IAsyncDisposable
{
    /// <summary>Pause between attempts while the table is unreachable.</summary>
    internal static readonly TimeSpan TableRetryDelay = TimeSpan.FromSeconds(1);

    private readonly IMembershipTable _table;
    private readonly IMembershipTableChangeFeed? _changeFeed;
    private readonly LocalSiloDetails _localSilo;
    private readonly MembershipView _view;
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ISiloTerminator _terminator;
    private readonly MembershipInstruments _instruments;
    private readonly ILogger<MembershipTableManager> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private MembershipTableData? _latest;
    private Task? _refreshLoop;
    private Task? _feedLoop;
    private int _tableDown;
    private int _declaredDead;
    private volatile bool _leaving;
    private bool _stopped;

    public MembershipTableManager(
        IMembershipTable table,
        LocalSiloDetails localSilo,
        MembershipView view,
        IOptions<ClusterMembershipOptions> options,
        TimeProvider timeProvider,
        ISiloTerminator terminator,
        MembershipInstruments instruments,
        ILogger<MembershipTableManager> logger,
        IMembershipTableChangeFeed? changeFeed = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = table;
        _changeFeed = changeFeed;
        _localSilo = localSilo;
        _view = view;
        _options = options.Value;
        _time = timeProvider;
        _terminator = terminator;
        _instruments = instruments;
        _logger = logger;
    }

    public ClusterMembershipSnapshot CurrentSnapshot => _view.Current;

    public SiloAddress Self => _localSilo.SiloAddress;

    /// <summary>This silo's own status as it last wrote or learnt it.</summary>
    public SiloStatus LocalStatus => _localSilo.Status;

    /// <summary>The newest table read (rows with IAmAlive times and etags), or null before the first read.</summary>
    public MembershipTableData? LatestTable
    {
        get
        {
            lock (_lock)
            {
                return _latest;
            }
        }
    }

    /// <summary>Whether this silo has read its own row as Dead (and called the terminator).</summary>
    public bool IsDeclaredDead => Volatile.Read(ref _declaredDead) != 0;

    public IAsyncEnumerable<ClusterMembershipSnapshot> WatchAsync(CancellationToken cancellationToken) => _view.WatchAsync(cancellationToken);

    /// <summary>Reads the whole table and publishes what changed; throws what the table throws.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var data = await _table.ReadAllAsync(cancellationToken);
        ReportTableHealthy();
        Process(data);
    }

    /// <summary>Starts the periodic refresh and, when the table has one, the change-feed listener.</summary>
    public void StartRefreshing()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _refreshLoop ??= RunRefreshLoopAsync(_stop.Token);
            _feedLoop ??= _changeFeed is null ? Task.CompletedTask : RunChangeFeedLoopAsync(_changeFeed, _stop.Token);
        }
    }

    /// <summary>Stops the refresh loops and waits for them; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? refresh;
        Task? feed;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            (refresh, feed) = (_refreshLoop, _feedLoop);
        }

        await _stop.CancelAsync();

        if (refresh is not null)
        {
            await refresh;
        }

        if (feed is not null)
        {
            await feed;
        }
    }

    /// <summary>Takes in one read of the table: keeps it, publishes a newer snapshot, and notices this silo's own death.</summary>
    internal void Process(MembershipTableData data)
    {
        lock (_lock)
        {
            // Same version is still newer news: IAmAlive writes change no version.
            if (_latest is null || data.Version.Version >= _latest.Version.Version)
            {
                _latest = data;
            }
        }

        var snapshot = ToSnapshot(data);
        if (_view.TryPublish(snapshot) is { } previous)
        {
            LogChanges(previous, snapshot);
        }

        if (data.Find(Self) is { Entry.Status: SiloStatus.Dead } own && !_leaving)
        {
            OnDeclaredDead(own.Entry.DeathReason);
        }
    }

    private void OnDeclaredDead(string reason)
    {
        if (Interlocked.Exchange(ref _declaredDead, 1) != 0)
        {
            return;
        }

        _localSilo.Status = SiloStatus.Dead;
        LogDeclaredDeadSelf(_logger, Self, reason);
        _terminator.OnDeclaredDead(reason);
    }

    private void LogChanges(ClusterMembershipSnapshot previous, ClusterMembershipSnapshot current)
    {
        foreach (var (silo, member) in current.Members)
        {
            var before = previous.GetStatus(silo);
            if (before != member.Status)
            {
                LogStatusChanged(_logger, silo, before, member.Status, current.Version);
            }
        }
    }

    private static ClusterMembershipSnapshot ToSnapshot(MembershipTableData data)
    {
        var members = ImmutableDictionary.CreateBuilder<SiloAddress, ClusterMember>();
        foreach (var row in data.Members)
        {
            var entry = row.Entry;
            members[entry.SiloAddress] = new ClusterMember(entry.SiloAddress, entry.Status, entry.SiloName, entry.ProxyPort, entry.StartTime);
        }

        return new ClusterMembershipSnapshot(data.Version.Version, members.ToImmutable());
    }

    private async Task RunRefreshLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.TableRefreshTimeout, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await TryRefreshAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            LogLoopStopped(_logger, "table refresh");
        }
    }

    private async Task RunChangeFeedLoopAsync(IMembershipTableChangeFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await using var changes = feed.WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                    var next = changes.MoveNextAsync();

                    // Listening has begun: one read now covers whatever changed between the last read and the
                    // subscription. It runs beside the wait, so the enumerator is never disposed mid-MoveNext.
                    var catchUp = TryRefreshAsync(cancellationToken);
                    try
                    {
                        while (await next)
                        {
                            if (changes.Current > _view.Current.Version)
                            {
                                await TryRefreshAsync(cancellationToken);
                            }

                            next = changes.MoveNextAsync();
                        }
                    }
                    finally
                    {
                        // The catch-up logs its own table failures; all it can still throw is our cancellation.
                        await catchUp.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The feed retries inside; if it still gives up, listen again after a pause (the periodic refresh covers the gap).
                    LogChangeFeedFailed(_logger, exception);
                    await Task.Delay(_options.TableRefreshTimeout, _time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            LogLoopStopped(_logger, "table change feed");
        }
    }

    /// <summary>A refresh that logs instead of throwing when the table is unreachable.</summary>
    internal async Task TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception exception) when (IsTableFailure(exception, cancellationToken))
        {
            ReportTableFailure("read", exception);
        }
    }

    /// <summary>A table failure is anything the table throws except the cancellation we asked for.</summary>
    private static bool IsTableFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    private void ReportTableFailure(string operation, Exception exception)
    {
        if (Interlocked.Exchange(ref _tableDown, 1) == 0)
        {
            LogTableUnavailable(_logger, operation, exception);
        }
        else
        {
            LogTableStillUnavailable(_logger, operation, exception.Message);
        }
    }

    private void ReportTableHealthy()
    {
        if (Interlocked.Exchange(ref _tableDown, 0) != 0)
        {
            LogTableRecovered(_logger);
        }
    }
}
