using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// Failure detection by direct probes. Every <c>ProbeTimeout</c> this silo probes the silos after it on the probe
/// ring (<see cref="ProbeTargets"/>), each probe bounded by <c>ProbeTimeout</c>. A target that misses
/// <c>NumMissedProbesLimit</c> probes in a row gets a suspicion vote in the table, renewed on every further miss,
/// until the votes of enough silos declare it dead (<see cref="MembershipTableManager.TryToSuspectOrKillAsync"/>);
/// one answered probe clears the count. Probes run only while this silo is Active. Indirect probes (asking a third
/// silo) are not done yet: a silo cut off from one peer only collects that peer's vote, which alone is no quorum
/// once three or more silos are active.
/// </summary>
internal sealed partial class ClusterHealthMonitor : IAsyncDisposable
{
    private readonly MembershipTableManager _tableManager;
    private readonly ISiloProber _prober;
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly MembershipInstruments _instruments;
    private readonly ILogger<ClusterHealthMonitor> _logger;
    private readonly ConcurrentDictionary<SiloAddress, ProbeState> _states = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public ClusterHealthMonitor(
        MembershipTableManager tableManager,
        ISiloProber prober,
        IOptions<ClusterMembershipOptions> options,
        TimeProvider timeProvider,
        MembershipInstruments instruments,
        ILogger<ClusterHealthMonitor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tableManager = tableManager;
        _prober = prober;
        _options = options.Value;
        _time = timeProvider;
        _instruments = instruments;
        _logger = logger;
    }

    /// <summary>The silos probed in the last round.</summary>
    internal IReadOnlyCollection<SiloAddress> MonitoredSilos => [.. _states.Keys];

    public void Start()
    {
        if (_options.LivenessEnabled)
        {
            _loop ??= RunAsync(_stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        if (Interlocked.Exchange(ref _loop, null) is { } loop)
        {
            await loop;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ProbeTimeout, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await ProbeOnceAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            LogStopped(_logger);
        }
    }

    /// <summary>One round: probes every current target once, concurrently, and acts on the misses.</summary>
    internal async Task ProbeOnceAsync(CancellationToken cancellationToken)
    {
        if (_tableManager.IsDeclaredDead || _tableManager.LatestTable is not { } table)
        {
            return;
        }

        var targets = ProbeTargets.Select(_tableManager.Self, table, _options);
        foreach (var silo in _states.Keys)
        {
            if (!targets.Contains(silo))
            {
                _states.TryRemove(silo, out _);
            }
        }

        var probes = new Task[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            probes[i] = ProbeAsync(targets[i], _states.GetOrAdd(targets[i], static _ => new ProbeState()), cancellationToken);
        }

        await Task.WhenAll(probes);
    }

    private async Task ProbeAsync(SiloAddress target, ProbeState state, CancellationToken cancellationToken)
    {
        var probeNumber = ++state.ProbeNumber;
        var error = await SendProbeAsync(target, probeNumber, cancellationToken);
        if (error is null)
        {
            if (state.Misses > 0)
            {
                LogProbeRecovered(_logger, target, state.Misses);
                state.Misses = 0;
            }

            return;
        }

        var misses = ++state.Misses;
        _instruments.ProbesFailed.Add(1);
        LogProbeFailed(_logger, target, probeNumber, misses, error);
        if (misses >= _options.NumMissedProbesLimit)
        {
            await _tableManager.TryToSuspectOrKillAsync(target, misses, error, cancellationToken);
        }
    }

    /// <summary>One probe outside the rounds (the joining silo's check of stale rows): null when <paramref name="target"/> answered in time, else what went wrong.</summary>
    internal async Task<string?> SendProbeAsync(SiloAddress target, int probeNumber, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ProbeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        _instruments.ProbesSent.Add(1);
        try
        {
            if (await _prober.ProbeAsync(target, probeNumber, linked.Token))
            {
                return null;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The prober promises not to throw for a failed probe; if one does, it still counts as a miss, with its message.
            return string.Create(CultureInfo.InvariantCulture, $"probe threw {exception.GetType().Name}: {exception.Message}");
        }

        return timeout.IsCancellationRequested
            ? string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.ProbeTimeout.TotalMilliseconds} ms")
            : "probe refused or connection failed";
    }

    /// <summary>Per target, touched only by that target's probe (one per round, rounds in sequence).</summary>
    private sealed class ProbeState
    {
        public int ProbeNumber { get; set; }

        public int Misses { get; set; }
    }

    [LoggerMessage(MembershipEventIds.ProbeFailed, LogLevel.Information, "Probe {ProbeNumber} of {Target} failed ({Misses} in a row): {Error}")]
    private static partial void LogProbeFailed(ILogger logger, SiloAddress target, int probeNumber, int misses, string error);

    [LoggerMessage(MembershipEventIds.ProbeRecovered, LogLevel.Information, "{Target} answers probes again after {Misses} misses")]
    private static partial void LogProbeRecovered(ILogger logger, SiloAddress target, int misses);

    [LoggerMessage(MembershipEventIds.LoopStopped, LogLevel.Debug, "Cluster health monitor stopped")]
    private static partial void LogStopped(ILogger logger);
}
