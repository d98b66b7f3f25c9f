using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// Failure detection by probes. Every <c>ProbeTimeout</c> this silo probes the silos after it on the probe ring
/// (<see cref="ProbeTargets"/>), each probe bounded by <c>ProbeTimeout</c>. A target that misses
/// <c>NumMissedProbesLimit</c> probes in a row gets a suspicion vote in the table, renewed on every further miss,
/// until the votes of enough silos declare it dead (<see cref="MembershipTableManager.TryToSuspectOrKillAsync"/>);
/// one answered probe clears the count. Probes run only while this silo is Active.
/// <para>
/// The probe whose miss would vote also goes indirect (after Orleans): when a third active, non-stale silo exists, a
/// random one of them (preferring those this silo reaches) probes the target on this silo's behalf
/// (<c>ISiloControl.ProbeIndirectly</c>: its own probe bounded by <c>ProbeTimeout</c>, the whole request by twice
/// that), beside this silo's direct probe. The direct probe answering clears the count as always. Otherwise: if the
/// intermediary reached the target, only this silo's path is broken: no vote, and the count stays one short of the
/// limit, so the next round asks again; if it could not reach it either, or gave no verdict, this silo votes.
/// A silo cut off from one peer only thus no longer collects that peer's lone vote for as long as the cut lasts.
/// </para>
/// <para>
/// Unlike Orleans, the intermediary's failed probe is not counted as a second vote: every target is probed by up to
/// <c>NumProbedSilos</c> silos, whose own votes arrive within the same rounds (a killed silo was declared dead no
/// sooner with the extra vote: 14.9 s either way with the default settings), while one failed probe by the
/// intermediary in place of its three misses in a row made a loaded but live silo easier to evict.
/// </para>
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

        // The probe whose miss would vote also goes through a third silo, at the same time as the direct one: it costs
        // no extra round, and the direct probe still runs, so a path that healed clears the count as soon as it answers.
        var intermediary = _options.EnableIndirectProbes && state.Misses >= _options.NumMissedProbesLimit - 1 ? ChooseIntermediary(target) : null;
        var indirect = intermediary is null ? null : SendIndirectProbeAsync(intermediary, target, probeNumber, cancellationToken);
        var error = await SendProbeAsync(target, probeNumber, cancellationToken);
        var verdict = indirect is null ? null : await indirect;
        if (error is null)
        {
            if (state.Misses > 0)
            {
                LogProbeRecovered(_logger, target, state.Misses);
                state.Misses = 0;
            }

            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (intermediary is not null)
        {
            await OnIndirectVerdictAsync(intermediary, target, state, probeNumber, error, verdict, cancellationToken);
            return;
        }

        LogProbeFailed(_logger, target, probeNumber, state.Misses + 1, error);
        await OnMissAsync(target, state, error, cancellationToken);
    }

    /// <summary>Counts a miss and votes once the limit is reached.</summary>
    private async Task OnMissAsync(SiloAddress target, ProbeState state, string error, CancellationToken cancellationToken)
    {
        var misses = ++state.Misses;
        _instruments.ProbesFailed.Add(1);
        if (misses >= _options.NumMissedProbesLimit)
        {
            await _tableManager.TryToSuspectOrKillAsync(target, misses, error, cancellationToken);
        }
    }

    /// <summary>
    /// One direct probe (of a round, of the joining silo's check of stale rows, or on another silo's behalf): null
    /// when <paramref name="target"/> answered in time, else what went wrong.
    /// </summary>
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

    /// <summary>Per target, written only by that target's probe (one per round, rounds in sequence).</summary>
    private sealed class ProbeState
    {
        public int ProbeNumber { get; set; }

        public int Misses { get; set; }
    }
}
