using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>
/// A source's state and what it counted since its activation started (counters restart with the activation; the
/// seen-item memory, validators and settings are persisted).
/// </summary>
/// <param name="Silo">The silo whose activation polls the source.</param>
/// <param name="LastPollAt">When the last poll started.</param>
/// <param name="LastOutcome">How the last poll ended.</param>
/// <param name="LastReason">The reason of the last failed poll, kept until a poll succeeds.</param>
/// <param name="NextPollAt">When the next scheduled poll is due; null when not polling.</param>
/// <param name="CurrentInterval">The adaptive interval the next poll was scheduled with (before any Retry-After).</param>
/// <param name="TunedMinInterval">The floor the performance grain set within the settings' bounds; null: the settings' minimum.</param>
/// <param name="Polls">Polls that fetched (or tried to).</param>
/// <param name="ItemsSeen">Items read in bodies, new or not.</param>
/// <param name="ItemsEmitted">Items published on <c>tge.raw</c>.</param>
/// <param name="NotModified">304 answers.</param>
/// <param name="ConsecutiveErrors">Failed polls since the last success.</param>
/// <param name="Errors">Failed polls by reason (see SOURCES.md).</param>
/// <param name="ItemProblems">Item-level parse problems by name (bad dates, removed scripts, cut text...): counted, not failures.</param>
/// <param name="RecentItemIds">The ids of the last items emitted, newest last (at most 32).</param>
/// <param name="RememberedItems">How many item ids the seen-item memory holds.</param>
/// <param name="LastDetectionLag">For the newest emitted item with a publish time: from its publish time to when it was seen.</param>
/// <param name="LastFetchDuration">How long the last fetch took through the host guard, retries included.</param>
/// <param name="Owner">Who claimed the source (<see cref="ISourceGrain.ClaimAsync"/>), e.g. <c>scraper/tge#0</c>; null when started directly or unconfigured.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeSourceStatus(
    [property: Id(0)] string SourceId,
    [property: Id(1)] TgeSourceRunState State,
    [property: Id(2)] string Silo,
    [property: Id(3)] TgeSourceSettings? Settings,
    [property: Id(4)] DateTimeOffset? LastPollAt,
    [property: Id(5)] TgePollOutcome? LastOutcome,
    [property: Id(6)] string? LastReason,
    [property: Id(7)] DateTimeOffset? NextPollAt,
    [property: Id(8)] TimeSpan CurrentInterval,
    [property: Id(9)] TimeSpan? TunedMinInterval,
    [property: Id(10)] long Polls,
    [property: Id(11)] long ItemsSeen,
    [property: Id(12)] long ItemsEmitted,
    [property: Id(13)] long NotModified,
    [property: Id(14)] int ConsecutiveErrors,
    [property: Id(15)] IReadOnlyDictionary<string, long> Errors,
    [property: Id(16)] IReadOnlyDictionary<string, long> ItemProblems,
    [property: Id(17)] IReadOnlyList<string> RecentItemIds,
    [property: Id(18)] int RememberedItems,
    [property: Id(19)] TimeSpan? LastDetectionLag,
    [property: Id(20)] TimeSpan? LastFetchDuration,
    [property: Id(21)] string? Owner = null);
