using System.Globalization;

namespace TgeSwarm.Runtime.Membership;

/// <summary>Indirect probes: asking a third silo to probe a target, and answering such a request.</summary>
internal sealed partial class ClusterHealthMonitor
{
    private static readonly KeyValuePair<string, object?> Reached = new("outcome", "reached");
    private static readonly KeyValuePair<string, object?> Failed = new("outcome", "failed");
    private static readonly KeyValuePair<string, object?> Unavailable = new("outcome", "unavailable");

    /// <summary>Twice the probe timeout: the intermediary's own probe plus the two hops to it and back.</summary>
    private TimeSpan IndirectProbeTimeout => _options.ProbeTimeout * 2;

    /// <summary>
    /// Probes <paramref name="target"/> for another silo (the intermediary's side of an indirect probe), bounded by
    /// this silo's probe timeout. Refused when this silo is not Active: a silo on its way out (or not yet in) has
    /// no say in who is dead, so its word must not turn into a vote.
    /// </summary>
    internal async Task<IndirectProbeResult> ProbeOnBehalfAsync(SiloAddress target, int probeNumber, CancellationToken cancellationToken)
    {
        var status = _tableManager.LocalStatus;
        if (status != SiloStatus.Active || _tableManager.IsDeclaredDead)
        {
            LogIndirectProbeRefused(_logger, target, status);
            return IndirectProbeResult.Refusal(string.Create(CultureInfo.InvariantCulture, $"{_tableManager.Self} is {status}, not Active"));
        }

        var error = await SendProbeAsync(target, probeNumber, cancellationToken);
        return error is null ? IndirectProbeResult.Reached : IndirectProbeResult.Failed(error);
    }

    /// <summary>
    /// A random active, non-stale silo other than this one and <paramref name="target"/>, preferring those this silo
    /// has no misses against (an intermediary this silo cannot reach only costs a round); null when there is none.
    /// </summary>
    private SiloAddress? ChooseIntermediary(SiloAddress target)
    {
        if (_tableManager.LatestTable is not { } table)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var self = _tableManager.Self;
        List<SiloAddress> candidates = [];
        List<SiloAddress> reachable = [];
        foreach (var row in table.Members)
        {
            var silo = row.Entry.SiloAddress;
            if (row.Entry.Status != SiloStatus.Active || silo.Equals(self) || silo.Equals(target) || LivenessRules.IsStale(row.Entry, now, _options))
            {
                continue;
            }

            candidates.Add(silo);

            // Another target's state, read while its own probe may run: a stale count only shifts the preference.
            if (!_states.TryGetValue(silo, out var state) || state.Misses == 0)
            {
                reachable.Add(silo);
            }
        }

        var pool = reachable.Count > 0 ? reachable : candidates;
        return pool.Count == 0 ? null : pool[Random.Shared.Next(pool.Count)];
    }

    /// <summary>
    /// Acts on the intermediary's verdict about a target this silo's own probe just missed (<paramref name="directError"/>);
    /// <paramref name="verdict"/> is null when the intermediary gave none in time.
    /// </summary>
    private async Task OnIndirectVerdictAsync(
        SiloAddress intermediary, SiloAddress target, ProbeState state, int probeNumber, string directError, IndirectProbeResult? verdict, CancellationToken cancellationToken)
    {
        switch (verdict)
        {
            case { Succeeded: true }:
                // The count stays where it is (one short of the limit): the next round asks through a third silo again.
                _instruments.IndirectProbes.Add(1, Reached);
                LogIndirectProbeReached(_logger, target, intermediary, probeNumber, state.Misses, directError);
                return;
            case { Refused: false }:
                var failure = string.Create(CultureInfo.InvariantCulture, $"{directError}, and {intermediary} could not reach it either: {verdict.FailureMessage}");
                _instruments.IndirectProbes.Add(1, Failed);
                LogIndirectProbeFailed(_logger, target, intermediary, probeNumber, state.Misses + 1, failure);
                await OnMissAsync(target, state, failure, cancellationToken);
                return;
            default:
                var why = verdict is null
                    ? string.Create(CultureInfo.InvariantCulture, $"{directError}; intermediary {intermediary} gave no answer (waited at most {IndirectProbeTimeout.TotalMilliseconds} ms)")
                    : string.Create(CultureInfo.InvariantCulture, $"{directError}; intermediary {intermediary} refused: {verdict.FailureMessage}");
                _instruments.IndirectProbes.Add(1, Unavailable);
                LogIndirectProbeUnanswered(_logger, target, intermediary, probeNumber, state.Misses + 1, why);
                await OnMissAsync(target, state, why, cancellationToken);
                return;
        }
    }

    /// <summary>Asks <paramref name="intermediary"/> to probe <paramref name="target"/>: null when it did not answer in time.</summary>
    internal async Task<IndirectProbeResult?> SendIndirectProbeAsync(SiloAddress intermediary, SiloAddress target, int probeNumber, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(IndirectProbeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await _prober.ProbeIndirectlyAsync(intermediary, target, probeNumber, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The prober promises not to throw; if one does, the intermediary gave no verdict, and the message is kept.
            return IndirectProbeResult.Refusal(string.Create(CultureInfo.InvariantCulture, $"request threw {exception.GetType().Name}: {exception.Message}"));
        }
    }
}
