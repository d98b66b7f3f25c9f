using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Sharing the price check's learned baselines in the memory coordinator. A timer, every
/// <see cref="MarketValidationOptions.AnomalyShareInterval"/>, writes each instrument past warm-up whose baseline
/// moved since this activation last wrote it (<see cref="AnomalyFindings.Moved"/>), or was never written by it, or
/// was written half a <see cref="MarketValidationOptions.AnomalyFindingTtl"/> ago (so a steady baseline does not
/// expire while the venue is validated). The tick interleaves: reading the detectors is one synchronous step, which
/// never runs beside a stream turn, and the stream goes on while the writes are awaited; it keeps nothing alive, so an
/// idle venue is still collected. A write that fails is logged once per tick and retried at the next one, since its
/// instrument still counts as moved; validation never waits on the memory.
/// </summary>
internal sealed partial class ValidationGrain
{
    // A venue has tens of instruments: eight writes at a time share them in a few round trips without queueing
    // hundreds of requests on the namespace's single activation at every tick.
    private const int MaxConcurrentShares = 8;

    private readonly Dictionary<string, AnomalyFinding> _shared = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, AnomalyBaseline>> _learned = [];

    private void StartSharing()
    {
        if (options.Value.AnomalyShareInterval is { } interval && interval > TimeSpan.Zero && _validator.AnomalyThreshold is not null)
        {
            RegisterGrainTimer(
                static (grain, cancellationToken) => grain.ShareAsync(cancellationToken),
                this,
                new GrainTimerCreationOptions(interval, interval) { Interleave = true, KeepAlive = false });
        }
    }

    private async Task ShareAsync(CancellationToken cancellationToken)
    {
        var due = DueShares();
        if (due.Count == 0)
        {
            return;
        }

        var memory = GrainFactory.GetGrain<IMemoryGrain>(AnomalyFindings.Namespace);
        var ttl = options.Value.AnomalyFindingTtl;
        var next = -1;
        var failed = 0;
        Exception? firstFailure = null;
        var lanes = new Task[Math.Min(MaxConcurrentShares, due.Count)];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = LaneAsync();
        }

        await Task.WhenAll(lanes);
        if (firstFailure is not null)
        {
            Log.ShareFailed(logger, firstFailure, _venue, failed, due.Count, AnomalyFindings.Namespace);
        }
        else
        {
            Log.Shared(logger, _venue, due.Count, AnomalyFindings.Namespace);
        }

        // The lanes' continuations run on this activation one at a time, so the shared counters need no locking.
        async Task LaneAsync()
        {
            for (var i = ++next; i < due.Count; i = ++next)
            {
                var (instrument, finding) = due[i];
                try
                {
                    await memory.SetAsync(
                        AnomalyFindings.Key(_venue, instrument), AnomalyFindings.Write(finding), ttl, null, AnomalyFindings.Writer, cancellationToken);
                    _shared[instrument] = finding;
                }
                catch (Exception exception) when (exception is TimeoutException or SwarmException or CoordinationArgumentException)
                {
                    failed++;
                    firstFailure ??= exception;
                }
            }
        }
    }

    /// <summary>The findings this tick should write: one per instrument past warm-up whose baseline is new, moved or due for a refresh.</summary>
    private List<(string Instrument, AnomalyFinding Finding)> DueShares()
    {
        _learned.Clear();
        _validator.CollectLearnedBaselines(_learned);
        var due = new List<(string, AnomalyFinding)>();
        var now = time.GetUtcNow();
        var refreshAfter = options.Value.AnomalyFindingTtl / 2;
        var threshold = _validator.AnomalyThreshold.GetValueOrDefault();
        foreach (var (instrument, baseline) in _learned)
        {
            // A flat window has no scale, and a reader ignores one: the minimum move alone decides there anyway.
            if (!(baseline.Scale > 0 && double.IsFinite(baseline.Scale)))
            {
                continue;
            }

            if (_shared.TryGetValue(instrument, out var last) && !AnomalyFindings.Moved(last, baseline) && now - last.LearnedAt < refreshAfter)
            {
                continue;
            }

            due.Add((instrument, new AnomalyFinding(baseline.Median, baseline.Scale, baseline.Moves, threshold, now)));
        }

        return due;
    }
}
