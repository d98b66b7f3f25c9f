using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>
/// One TGE source, keyed by its source id (letters, digits, '-', '_', '.'): polls one URL with conditional GET
/// through the <see cref="IHostGuardGrain"/> of the URL's host, parses the body, and publishes every item it has not
/// seen before as a <see cref="TgeItem"/> on <see cref="TgeStreamNames.Raw"/> (key: the source id), once per source
/// across restarts. Settings, pause state, validators and the seen-item memory are persisted; a reminder brings a
/// configured source back after its silo is lost.
/// </summary>
public interface ISourceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Configures the source and starts polling at once (or applies new settings to a running or paused source; a
    /// paused source stays paused). Bad settings fail with <see cref="ArgumentException"/> naming the field and
    /// change nothing. A new URL or kind forgets the conditional-GET validators, not the seen items. Settings equal to
    /// those the source already runs (or rests paused) on change nothing either: its loop goes on without an extra
    /// poll and keeps a tuned interval, so re-applying configuration on every silo start is harmless.
    /// </summary>
    Task StartAsync(TgeSourceSettings settings, CancellationToken cancellationToken);

    /// <summary>Stops polling and keeps the settings; a poll in flight is dropped. Fails with <see cref="InvalidOperationException"/> when unconfigured.</summary>
    Task PauseAsync(CancellationToken cancellationToken);

    /// <summary>Polls again at once, then on the adaptive interval. Fails with <see cref="InvalidOperationException"/> when unconfigured.</summary>
    Task ResumeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops polling and forgets the settings and validators, so the source stays down; the seen-item memory is kept,
    /// so adding the source again does not re-emit what it already emitted. Idempotent.
    /// </summary>
    Task RemoveAsync(CancellationToken cancellationToken);

    /// <summary>Polls now (after a poll already in flight) and returns how it went; a paused or unconfigured source answers <see cref="TgePollOutcome.Skipped"/>.</summary>
    Task<TgeSourcePollResult> PollNowAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sets the floor of the adaptive interval, clamped into the settings' [MinInterval, MaxInterval]; null restores
    /// MinInterval. Used by the performance grain; not persisted across a reconfiguration.
    /// </summary>
    Task TuneAsync(TimeSpan? minInterval, CancellationToken cancellationToken);

    [AlwaysInterleave]
    Task<TgeSourceStatus> GetStatusAsync(CancellationToken cancellationToken);
}
