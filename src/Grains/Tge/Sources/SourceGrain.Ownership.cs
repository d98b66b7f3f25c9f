using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>
/// Ownership: a scraper claims the sources it owns and releases those it no longer owns. The recorded owner only
/// guards the release, so a source moving between scrapers is safe in either order: the new owner's claim overwrites
/// the owner and makes the old owner's later release a no-op, and if the old owner releases first, the new claim
/// starts the source again with its seen-item memory intact, so nothing is emitted twice.
/// </summary>
internal sealed partial class SourceGrain
{
    public async Task ClaimAsync(string owner, TgeSourceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);

        // The owner's claim means run: a pause an operator left is lifted, and the settings' loop then starts again.
        var (previousOwner, wasPaused) = await ApplyForAsync(settings, owner, resume: true, cancellationToken);
        if (previousOwner != owner)
        {
            SourceLog.Claimed(logger, SourceId, owner, previousOwner ?? "none");
        }

        if (wasPaused)
        {
            SourceLog.Resumed(logger, SourceId);
        }
    }

    public async Task<bool> ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await _stateLock.WaitAsync(cancellationToken);
        try
        {
            if (state.State.Owner != owner)
            {
                return false;
            }

            await RemoveLockedAsync(cancellationToken);
        }
        finally
        {
            _stateLock.Release();
        }

        await ForgetReminderAsync();
        SourceLog.Released(logger, SourceId, owner);
        return true;
    }
}
