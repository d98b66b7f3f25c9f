using TgeSwarm.Grains.Interfaces.Tge.Scrapers;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Scrapers;

/// <summary>Reading the sources' statuses, and the activation's repair of what was lost meanwhile.</summary>
internal sealed partial class ScraperGrain
{
    public async Task<TgeScraperStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var sources = await ReadSourcesAsync(cancellationToken);
        List<string> polling = [], failing = [], paused = [], lost = [];
        foreach (var (id, status) in sources)
        {
            var list = status is null || status.Owner != Owner || status.State == TgeSourceRunState.Unconfigured ? lost
                : status.State == TgeSourceRunState.Paused ? paused
                : status.ConsecutiveErrors >= TgeScraperStatus.FailingAfter ? failing
                : polling;
            list.Add(id);
        }

        return new TgeScraperStatus(
            Owner, RuntimeIdentity, state.State.Sources.Count > 0, polling, failing, paused, lost, [.. state.State.Releasing.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every owned source with its status in ordinal id order; null for a source that could not be read (its silo lost, no answer).</summary>
    private async Task<IReadOnlyList<(string Id, TgeSourceStatus? Status)>> ReadSourcesAsync(CancellationToken cancellationToken)
    {
        var reads = state.State.Sources.Keys
            .Order(StringComparer.Ordinal)
            .Select(async id => (id, await ReadSourceAsync(id, cancellationToken)))
            .ToList();
        return await Task.WhenAll(reads);
    }

    private async Task<TgeSourceStatus?> ReadSourceAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await GrainFactory.GetGrain<ISourceGrain>(id).GetStatusAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is SwarmException or TimeoutException)
        {
            // Counted as lost: the scraper then reads failed and its restart claims the source wherever it lives now.
            return null;
        }
    }

    /// <summary>The activation's timer turn: retries releases left over and re-claims the sources lost, unless a start or stop came first.</summary>
    private async Task RepairAsync(CancellationToken cancellationToken)
    {
        if (!_repairPending)
        {
            return;
        }

        _repairPending = false;
        try
        {
            await ReleasePendingAsync(cancellationToken);
            var lost = (await ReadSourcesAsync(cancellationToken))
                .Where(s => s.Status is null || s.Status.Owner != Owner || s.Status.State == TgeSourceRunState.Unconfigured)
                .Select(static s => s.Id)
                .ToList();
            if (lost.Count > 0)
            {
                await Task.WhenAll(lost.Select(id => GrainFactory.GetGrain<ISourceGrain>(id).ClaimAsync(Owner, state.State.Sources[id], cancellationToken)));
                ScraperLog.Reclaimed(logger, Owner, lost.Count, string.Join(", ", lost));
            }
        }
        catch (Exception exception) when (exception is SwarmException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            // The status then shows the sources lost, so the queen's health monitor restarts the scraper.
            ScraperLog.ReclaimFailed(logger, exception, Owner);
        }
    }
}
