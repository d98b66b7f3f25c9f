using System.Collections.Concurrent;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Sharing the price check's learned baselines in the memory coordinator. A timer, every
/// <see cref="MarketValidationOptions.AnomalyShareInterval"/>, picks each instrument past warm-up whose baseline moved
/// since this activation last wrote it (<see cref="AnomalyFindings.Moved"/>), or was never written by it, or was
/// written half a <see cref="MarketValidationOptions.AnomalyFindingTtl"/> ago (so a steady baseline does not expire
/// while the venue is validated).
/// <para>
/// The tick itself is a short synchronous turn: it reads the detectors and hands the findings to a write loop on the
/// thread pool. The writes must not be awaited inside a turn: a turn of this non-reentrant grain holds back every
/// stream batch until it ends (an interleaving tick included), so a slow memory grain would stall validation. The loop
/// touches only the findings it was given and reports each landed write back through a concurrent queue, which the
/// next tick takes in; while a loop is still out, ticks skip. A write that fails is logged once per loop and counts as
/// not written, so the next tick retries it. The timer keeps nothing alive: an idle venue is still collected.
/// </para>
/// </summary>
internal sealed partial class ValidationGrain
{
    // A venue has tens of instruments: eight writes at a time share them in a few round trips without queueing
    // hundreds of requests on the namespace's single activation at every tick.
    private const int MaxConcurrentShares = 8;

    private readonly Dictionary<string, AnomalyFinding> _shared = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<KeyValuePair<string, AnomalyFinding>> _written = new();
    private readonly List<KeyValuePair<string, AnomalyBaseline>> _learned = [];
    private Task _sharing = Task.CompletedTask;

    private void StartSharing()
    {
        if (options.Value.AnomalyShareInterval is { } interval && interval > TimeSpan.Zero && _validator.AnomalyThreshold is not null)
        {
            RegisterGrainTimer(
                static (grain, _) => grain.ShareTick(),
                this,
                new GrainTimerCreationOptions(interval, interval) { KeepAlive = false });
        }
    }

    private Task ShareTick()
    {
        if (!_sharing.IsCompleted)
        {
            return Task.CompletedTask;
        }

        while (_written.TryDequeue(out var written))
        {
            _shared[written.Key] = written.Value;
        }

        var due = DueShares();
        if (due.Count > 0)
        {
            var memory = GrainFactory.GetGrain<IMemoryGrain>(AnomalyFindings.Namespace);
            var cancellationToken = _deactivating.Token;
            _sharing = RunOutsideTurns(() => WriteAsync(memory, due, cancellationToken), "share");
        }

        return Task.CompletedTask;
    }

    /// <summary>The findings this tick should write: one per instrument past warm-up whose baseline is new, moved or due for a refresh.</summary>
    private List<KeyValuePair<string, AnomalyFinding>> DueShares()
    {
        _learned.Clear();
        _validator.CollectLearnedBaselines(_learned);
        var due = new List<KeyValuePair<string, AnomalyFinding>>();
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

            due.Add(new(instrument, new AnomalyFinding(baseline.Median, baseline.Scale, baseline.Moves, threshold, now)));
        }

        return due;
    }

    /// <summary>Runs on the thread pool, outside the grain's turns: it reads nothing of the grain but what it was given.</summary>
    private async Task WriteAsync(IMemoryGrain memory, List<KeyValuePair<string, AnomalyFinding>> due, CancellationToken cancellationToken)
    {
        var ttl = options.Value.AnomalyFindingTtl;
        var next = -1;
        var failed = 0;
        Exception? firstFailure = null;
        var lanes = new Task[Math.Min(MaxConcurrentShares, due.Count)];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = LaneAsync();
        }

        await Task.WhenAll(lanes).ConfigureAwait(false);
        if (firstFailure is not null)
        {
            Log.ShareFailed(logger, firstFailure, _venue, failed, due.Count, AnomalyFindings.Namespace);
        }
        else
        {
            Log.Shared(logger, _venue, due.Count, AnomalyFindings.Namespace);
        }

        async Task LaneAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < due.Count; i = Interlocked.Increment(ref next))
            {
                var (instrument, finding) = due[i];
                try
                {
                    await memory.SetAsync(
                        AnomalyFindings.Key(_venue, instrument), AnomalyFindings.Write(finding), ttl, null, AnomalyFindings.Writer, cancellationToken)
                        .ConfigureAwait(false);
                    _written.Enqueue(due[i]);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The activation is going away: the rest is written by the next one.
                    return;
                }
                catch (Exception exception) when (exception is TimeoutException or SwarmException or CoordinationArgumentException)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, exception, null);
                }
            }
        }
    }
}
