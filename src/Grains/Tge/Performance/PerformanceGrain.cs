using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Performance;

/// <summary>
/// The performance optimizer: pull, not push. Sources announce themselves (one-way, on start and on every
/// keep-alive tick, so a reactivated optimizer has its set back within a minute) and the optimizer reads their
/// statuses and their hosts' on a timer, fanned out with <c>Task.WhenAll</c>, then applies
/// <see cref="PerformanceRules"/>. A poll costs the optimizer nothing, so a hundred sources polled every second do
/// not queue on this one activation. Nothing is persisted here: the tuning it made lives in the sources and guards,
/// and the watched set is rebuilt by the sources. A source's floor is also shared in the memory coordinator
/// (<see cref="Sources.SourceFindings"/>), so a source activated again takes it back instead of relearning it from failures.
/// </summary>
internal sealed partial class PerformanceGrain(IOptions<PerformanceOptions> options, TimeProvider time, ILogger<PerformanceGrain> logger)
    : Grain, IPerformanceGrain
{
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _loweredHosts = new(StringComparer.Ordinal);
    private readonly Queue<TgePerformanceDecision> _decisions = new();
    private long _sweeps;
    private DateTimeOffset? _lastSweepAt;
    private List<TgeSourceStatus> _lastStatuses = [];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.SweepPeriod;
        RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task WatchAsync(string sourceId, string host, CancellationToken cancellationToken)
    {
        _sources[sourceId] = host;
        return Task.CompletedTask;
    }

    public Task UnwatchAsync(string sourceId, CancellationToken cancellationToken)
    {
        _sources.Remove(sourceId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TgePerformanceDecision>> SweepNowAsync(CancellationToken cancellationToken) => SweepOnceAsync(cancellationToken);

    public Task<TgePerformanceStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var lags = _lastStatuses.Where(s => s.LastDetectionLag is not null).Select(s => s.LastDetectionLag!.Value).Order().ToList();
        return Task.FromResult(new TgePerformanceStatus(
            _sources.Count,
            _sources.Values.Distinct(StringComparer.Ordinal).Count(),
            _sweeps,
            _lastSweepAt,
            lags.Count == 0 ? null : lags[lags.Count / 2],
            lags.Count == 0 ? null : lags[^1],
            _lastStatuses.Count(s => s.ConsecutiveErrors > 0),
            [.. _decisions]));
    }

    private async Task SweepAsync(CancellationToken cancellationToken) => await SweepOnceAsync(cancellationToken);

    private async Task<IReadOnlyList<TgePerformanceDecision>> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var made = new List<TgePerformanceDecision>();
        var statuses = await Task.WhenAll(_sources.Keys.ToList().Select(id => ReadSourceAsync(id, cancellationToken)));
        _lastStatuses = [.. statuses.OfType<TgeSourceStatus>()];
        foreach (var status in _lastStatuses)
        {
            var (change, floor, reason) = PerformanceRules.ForSource(status, options.Value);
            if (change && await TuneSourceAsync(status, floor, cancellationToken) is { } after)
            {
                var applied = after.TunedMinInterval ?? after.Settings?.MinInterval;
                made.Add(Decide($"source:{status.SourceId}", "MinInterval", Text(status.TunedMinInterval ?? status.Settings!.MinInterval), Text(applied), reason));
                await ShareAsync(after, reason, cancellationToken);
            }
        }

        foreach (var host in _sources.Values.Distinct(StringComparer.Ordinal).ToList())
        {
            if (await TuneHostAsync(host, cancellationToken) is { } decision)
            {
                made.Add(decision);
            }
        }

        _sweeps++;
        _lastSweepAt = time.GetUtcNow();
        return made;
    }

    private async Task<TgeSourceStatus?> ReadSourceAsync(string sourceId, CancellationToken cancellationToken)
    {
        try
        {
            return await GrainFactory.GetGrain<ISourceGrain>(sourceId).GetStatusAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or SwarmException)
        {
            PerformanceLog.ReadFailed(logger, exception, $"source:{sourceId}");
            return null;
        }
    }

    /// <summary>Applies a floor and returns the source's status after it, or null when the source could not be reached.</summary>
    private async Task<TgeSourceStatus?> TuneSourceAsync(TgeSourceStatus status, TimeSpan? floor, CancellationToken cancellationToken)
    {
        var source = GrainFactory.GetGrain<ISourceGrain>(status.SourceId);
        try
        {
            await source.TuneAsync(floor, cancellationToken);
            return await source.GetStatusAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or SwarmException)
        {
            PerformanceLog.ReadFailed(logger, exception, $"source:{status.SourceId}");
            return null;
        }
    }

    private async Task<TgePerformanceDecision?> TuneHostAsync(string host, CancellationToken cancellationToken)
    {
        var guard = GrainFactory.GetGrain<IHostGuardGrain>(host);
        try
        {
            var status = await guard.GetStatusAsync(cancellationToken);
            var (delta, reason) = PerformanceRules.ForHost(status, _loweredHosts.Contains(host), options.Value);
            if (delta == 0)
            {
                return null;
            }

            var applied = await guard.TuneAsync(status.ConcurrencyLimit + delta, cancellationToken);
            if (applied == status.ConcurrencyLimit)
            {
                // Already at the policy's maximum: nothing of ours is left to undo.
                _loweredHosts.Remove(host);
                return null;
            }

            if (delta < 0)
            {
                _loweredHosts.Add(host);
            }

            var from = status.ConcurrencyLimit.ToString(CultureInfo.InvariantCulture);
            return Decide($"host:{host}", "Concurrency", from, applied.ToString(CultureInfo.InvariantCulture), reason);
        }
        catch (Exception exception) when (exception is TimeoutException or SwarmException)
        {
            PerformanceLog.ReadFailed(logger, exception, $"host:{host}");
            return null;
        }
    }

    private TgePerformanceDecision Decide(string target, string setting, string from, string to, string reason)
    {
        var decision = new TgePerformanceDecision(time.GetUtcNow(), target, setting, from, to, reason);
        PerformanceLog.Decision(logger, target, setting, from, to, reason);
        _decisions.Enqueue(decision);
        while (_decisions.Count > options.Value.DecisionsKept)
        {
            _decisions.Dequeue();
        }

        return decision;
    }

    private static string Text(TimeSpan? value) => value?.ToString("c", CultureInfo.InvariantCulture) ?? "default";
}
