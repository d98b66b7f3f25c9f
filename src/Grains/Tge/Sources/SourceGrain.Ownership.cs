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
        SourceSettingsValidator.Validate(SourceId, settings);
        await _stateLock.WaitAsync(cancellationToken);
        string? previousOwner;
        bool wasPaused;
        bool applied;
        try
        {
            previousOwner = state.State.Owner;
            wasPaused = state.State.Paused;
            state.State.Owner = owner;

            // The owner's claim means run: a pause an operator left is lifted, and ApplyAsync then restarts the loop.
            state.State.Paused = false;
            try
            {
                applied = await ApplyAsync(settings, previousOwner != owner, cancellationToken);
            }
            catch (Exception)
            {
                // Unwritten, the claim must not linger in memory: a retry would find the owner set and write nothing.
                state.State.Owner = previousOwner;
                state.State.Paused = wasPaused;
                throw;
            }
        }
        finally
        {
            _stateLock.Release();
        }

        await StartedAsync(settings, applied);
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
