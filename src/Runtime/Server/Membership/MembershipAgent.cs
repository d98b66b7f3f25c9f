using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// This silo's life in the cluster, driven by the host's lifecycle:
/// <list type="number">
/// <item><see cref="JoinAsync"/>: insert the own row as Joining (failing start-up after <c>MaxJoinAttemptTime</c> if
/// the table stays unreachable), declare dead the older generations of this endpoint and every stale row that does
/// not answer one probe (so a whole-cluster restart waits on nobody for longer than one <c>ProbeTimeout</c>), start the
/// table refresh and the IAmAlive writes.</item>
/// <item><see cref="BecomeActiveAsync"/>: write Active, start probing others and the defunct-row clean-up.</item>
/// <item><see cref="ShutDownAsync"/>: stop probing, write ShuttingDown so others stop placing work here.</item>
/// <item><see cref="LeaveAsync"/>: write Dead ("stopped gracefully") and stop every background loop.</item>
/// </list>
/// A killed silo writes nothing: <see cref="DisposeAsync"/> only stops the loops, and the others' probes find it.
/// Join validation (probing every active silo before becoming Active) is not done yet.
/// </summary>
internal sealed partial class MembershipAgent : IAsyncDisposable
{
    private readonly MembershipTableManager _tableManager;
    private readonly ClusterHealthMonitor _healthMonitor;
    private readonly LocalSiloDetails _localSilo;
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MembershipAgent> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public MembershipAgent(
        MembershipTableManager tableManager,
        ClusterHealthMonitor healthMonitor,
        LocalSiloDetails localSilo,
        IOptions<ClusterMembershipOptions> options,
        TimeProvider timeProvider,
        ILogger<MembershipAgent> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tableManager = tableManager;
        _healthMonitor = healthMonitor;
        _localSilo = localSilo;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>Writes this silo's row as Joining and clears rows left behind; see the type's remarks.</summary>
    /// <exception cref="TimeoutException">The table stayed unreachable for <c>MaxJoinAttemptTime</c>.</exception>
    /// <exception cref="InvalidOperationException">A row with this silo's address (endpoint and generation) exists already.</exception>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        var self = _localSilo.SiloAddress;
        LogJoining(_logger, self);
        using var deadline = new CancellationTokenSource(_options.MaxJoinAttemptTime, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var entry = new MembershipEntry
            {
                SiloAddress = self,
                Status = SiloStatus.Joining,
                SiloName = _localSilo.Name,
                HostName = Environment.MachineName,
                StartTime = _localSilo.StartedAt,
                IAmAliveTime = now,
            };
            await _tableManager.InsertOwnRowAsync(entry, linked.Token);
            var (superseded, stale) = await _tableManager.FindLeftoverRowsAsync(linked.Token);
            var unresponsive = await ProbeStaleRowsAsync(stale, linked.Token);
            var declared = await _tableManager.DeclareLeftoverRowsDeadAsync(superseded, unresponsive, linked.Token);
            LogJoined(_logger, self, declared);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogJoinFailed(_logger, self, _options.MaxJoinAttemptTime);
            throw new TimeoutException($"{self} could not join the cluster within {nameof(ClusterMembershipOptions.MaxJoinAttemptTime)} ({_options.MaxJoinAttemptTime}): the membership table stayed unreachable.");
        }

        _tableManager.StartRefreshing();
        StartLoop(_options.IAmAlivePublishTimeout, _tableManager.PublishIAmAliveAsync, "IAmAlive");
    }

    /// <summary>Writes this silo's row as Active and starts failure detection and the defunct-row clean-up.</summary>
    /// <exception cref="InvalidOperationException">The table declared this silo dead meanwhile.</exception>
    public async Task BecomeActiveAsync(CancellationToken cancellationToken)
    {
        await _tableManager.UpdateOwnStatusAsync(SiloStatus.Active, "", cancellationToken);
        LogBecameActive(_logger, _localSilo.SiloAddress);
        _healthMonitor.Start();
        StartLoop(_options.DefunctSiloCleanupPeriod, _tableManager.CleanupDefunctRowsAsync, "defunct clean-up");
    }

    /// <summary>
    /// Stops probing and writes ShuttingDown, so the others stop sending new work here while queued calls drain.
    /// An unreachable table is logged, not thrown: stopping must go on.
    /// </summary>
    public async Task ShutDownAsync(CancellationToken cancellationToken)
    {
        LogShuttingDown(_logger, _localSilo.SiloAddress);
        await _healthMonitor.DisposeAsync();
        await WriteWhileStoppingAsync(SiloStatus.ShuttingDown, "", cancellationToken);
    }

    /// <summary>Writes Dead with reason "stopped gracefully" and stops every background loop.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await _healthMonitor.DisposeAsync();
        await WriteWhileStoppingAsync(SiloStatus.Dead, DeathReasons.StoppedGracefully, cancellationToken);
        LogLeft(_logger, _localSilo.SiloAddress);
        await DisposeAsync();
    }

    /// <summary>Stops every loop without writing anything (a kill, or the container's disposal after <see cref="LeaveAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _healthMonitor.DisposeAsync();
        Task[] loops;
        lock (_loops)
        {
            loops = [.. _loops];
            _loops.Clear();
        }

        await Task.WhenAll(loops);
        await _tableManager.DisposeAsync();
    }

    /// <summary>
    /// One probe per stale row, all at once (so join waits at most one <c>ProbeTimeout</c>): a row is stale after a
    /// whole-cluster restart, but also when a table outage kept live silos from writing IAmAlive, and those must not be
    /// declared dead by whoever joins first after the outage. Returns the silos that did not answer.
    /// </summary>
    private async Task<List<SiloAddress>> ProbeStaleRowsAsync(List<SiloAddress> stale, CancellationToken cancellationToken)
    {
        var errors = await Task.WhenAll(stale.Select(silo => _healthMonitor.SendProbeAsync(silo, 1, cancellationToken)));
        List<SiloAddress> unresponsive = [];
        for (var i = 0; i < stale.Count; i++)
        {
            if (errors[i] is null)
            {
                LogStaleRowAnswers(_logger, stale[i]);
            }
            else
            {
                unresponsive.Add(stale[i]);
            }
        }

        return unresponsive;
    }

    private async Task WriteWhileStoppingAsync(SiloStatus status, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await _tableManager.UpdateOwnStatusAsync(status, reason, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's stop timeout ran out while the table was unreachable: the others' probes will find this silo gone.
            LogLeaveFailed(_logger, _localSilo.SiloAddress, status, "the table stayed unreachable until the stop timeout");
        }
        catch (InvalidOperationException exception)
        {
            // Declared dead or row gone: there is nothing left to announce.
            LogLeaveFailed(_logger, _localSilo.SiloAddress, status, exception.Message);
        }
    }

    private void StartLoop(TimeSpan period, Func<CancellationToken, Task> tick, string name)
    {
        lock (_loops)
        {
            if (!_stop.IsCancellationRequested)
            {
                _loops.Add(RunLoopAsync(period, tick, name, _stop.Token));
            }
        }
    }

    private async Task RunLoopAsync(TimeSpan period, Func<CancellationToken, Task> tick, string name, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            // Each tick logs its own table failures, so one bad tick never ends the loop.
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await tick(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            LogLoopStopped(_logger, name);
        }
    }
}
