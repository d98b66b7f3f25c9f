using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>The commands that change a source's settings and run state: start, pause, resume, remove.</summary>
internal sealed partial class SourceGrain
{
    public async Task StartAsync(TgeSourceSettings settings, CancellationToken cancellationToken)
    {
        // A direct start is an operator taking the source over: its scraper may no longer release it.
        var (previousOwner, _) = await ApplyForAsync(settings, owner: null, resume: false, cancellationToken);
        if (previousOwner is not null)
        {
            SourceLog.TakenOver(logger, SourceId, previousOwner);
        }
    }

    /// <summary>
    /// Applies <paramref name="settings"/> for <paramref name="owner"/> (null: an operator), lifting a pause when
    /// <paramref name="resume"/>, then makes sure of the keep-alive reminder. Returns the owner and pause it replaced.
    /// </summary>
    private async Task<(string? PreviousOwner, bool WasPaused)> ApplyForAsync(
        TgeSourceSettings settings, string? owner, bool resume, CancellationToken cancellationToken)
    {
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
            if (resume)
            {
                state.State.Paused = false;
            }

            try
            {
                applied = await ApplyAsync(settings, previousOwner != owner, cancellationToken);
            }
            catch (Exception)
            {
                // Unwritten, the change of owner must not linger in memory: a retry would find it made and write nothing.
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
        return (previousOwner, wasPaused);
    }

    private async Task StartedAsync(TgeSourceSettings settings, bool applied)
    {
        await RegisterOrUpdateReminder(KeepAliveReminder, options.Value.ReminderPeriod, options.Value.ReminderPeriod);
        if (applied)
        {
            SourceLog.Started(logger, SourceId, settings.Url, settings.Kind.ToString(), settings.MinInterval, settings.MaxInterval);
        }
    }

    /// <summary>
    /// Persists new settings and restarts the loop; false when the source already runs (or rests paused) on these very
    /// settings, in which case the state is written only when <paramref name="dirty"/> (the owner changed).
    /// </summary>
    private async Task<bool> ApplyAsync(TgeSourceSettings settings, bool dirty, CancellationToken cancellationToken)
    {
        var previous = state.State.Settings;
        if (previous == settings && (state.State.Paused || _pollCancellation is not null))
        {
            // Configured sources are started again on every silo start, after activation has already resumed the
            // loop from the persisted settings: restarting it would poll twice and undo a tuned interval.
            if (dirty)
            {
                await state.WriteStateAsync(cancellationToken);
            }

            return false;
        }

        StopPolling();
        if (previous is null || previous.Url != settings.Url || previous.Kind != settings.Kind)
        {
            // Validators belong to the old URL's body; a new URL's backlog is a new backlog.
            state.State.ETag = null;
            state.State.LastModified = null;
            state.State.FirstPollDone = false;
        }

        state.State.Settings = settings;
        await state.WriteStateAsync(cancellationToken);
        _interval = new PollInterval(settings.MinInterval, settings.MaxInterval);
        if (!state.State.Paused)
        {
            StartPolling();
        }

        return true;
    }

    public async Task PauseAsync(CancellationToken cancellationToken)
    {
        await _stateLock.WaitAsync(cancellationToken);
        try
        {
            RequireConfigured();
            StopPolling();
            if (!state.State.Paused)
            {
                state.State.Paused = true;
                await state.WriteStateAsync(cancellationToken);
                await WithdrawAsync();
                SourceLog.Paused(logger, SourceId);
            }
        }
        finally
        {
            _stateLock.Release();
        }
    }

    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        await _stateLock.WaitAsync(cancellationToken);
        try
        {
            RequireConfigured();
            if (state.State.Paused)
            {
                state.State.Paused = false;
                await state.WriteStateAsync(cancellationToken);
                SourceLog.Resumed(logger, SourceId);
            }

            StopPolling();
            StartPolling();
        }
        finally
        {
            _stateLock.Release();
        }
    }

    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        await _stateLock.WaitAsync(cancellationToken);
        try
        {
            await RemoveLockedAsync(cancellationToken);
        }
        finally
        {
            _stateLock.Release();
        }

        await ForgetReminderAsync();
    }

    /// <summary>Stops the loop and forgets settings, validators and owner; the caller holds <see cref="_stateLock"/>.</summary>
    private async Task RemoveLockedAsync(CancellationToken cancellationToken)
    {
        StopPolling();
        _pollTimer?.Dispose();
        _pollTimer = null;
        _interval = null;
        if (state.State.Settings is not null || state.State.Owner is not null)
        {
            state.State.Settings = null;
            state.State.Owner = null;
            state.State.Paused = false;
            state.State.ETag = null;
            state.State.LastModified = null;
            state.State.FirstPollDone = false;
            await state.WriteStateAsync(cancellationToken);
            await WithdrawAsync();
            SourceLog.Removed(logger, SourceId, _seen.Count);
        }
    }

    private async Task ForgetReminderAsync()
    {
        if (await GetReminder(KeepAliveReminder) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }
}
