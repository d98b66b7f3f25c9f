using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>
/// One TGE source, keyed by its source id (letters, digits, '-', '_', '.'): polls one URL with conditional GET
/// through the <see cref="IHostGuardGrain"/> of the URL's host, parses the body, and publishes every item it has not
/// seen before as a <see cref="TgeItem"/> on <see cref="TgeStreamNames.Raw"/> (key: the source id), once per source
/// across restarts. Settings, pause state, validators and the seen-item memory are persisted; a reminder brings a
/// configured source back after its silo is lost. A source may have an owner (a scraper, <c>IScraperGrain</c>) that
/// claimed it; the owner only decides who may release it, the source polls the same either way.
/// </summary>
public interface ISourceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Configures the source and starts polling at once (or applies new settings to a running or paused source; a
    /// paused source stays paused). Bad settings fail with <see cref="ArgumentException"/> naming the field and
    /// change nothing. A new URL or kind forgets the conditional-GET validators, not the seen items. Settings equal to
    /// those the source already runs (or rests paused) on change nothing either: its loop goes on without an extra
    /// poll and keeps a tuned interval, so re-applying configuration on every silo start is harmless. Clears the
    /// owner: whoever starts a source directly takes it over from its scraper.
    /// </summary>
    Task StartAsync(TgeSourceSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="StartAsync"/> on behalf of <paramref name="owner"/>, which is recorded (persisted) as the source's
    /// owner; a paused source is resumed, since an owner's claim means run. Claiming a source that already runs on these
    /// settings for this owner changes nothing. A later claim by another owner takes the source over.
    /// </summary>
    Task ClaimAsync(string owner, TgeSourceSettings settings, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="RemoveAsync"/>, but only while <paramref name="owner"/> is the recorded owner; returns whether it
    /// removed the source. Releasing a source another owner (or an operator's start) has taken over is a no-op, so the
    /// order in which the old and the new owner act when a source moves does not matter.
    /// </summary>
    Task<bool> ReleaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Stops polling and keeps the settings; a poll in flight is dropped. Fails with <see cref="InvalidOperationException"/> when unconfigured.</summary>
    Task PauseAsync(CancellationToken cancellationToken);

    /// <summary>Polls again at once, then on the adaptive interval. Fails with <see cref="InvalidOperationException"/> when unconfigured.</summary>
    Task ResumeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops polling and forgets the settings, validators and owner, so the source stays down; the seen-item memory is
    /// kept, so adding the source again does not re-emit what it already emitted. Idempotent.
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
