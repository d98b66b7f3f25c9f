using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Keywords;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// Data quality for one token: the implicit consumer of <c>tge.candidates/&lt;slug&gt;</c> and keeper of the token's
/// one event record (EVENTS.md).
/// <para>
/// Each candidate is cleaned and validated (<see cref="TgeCandidateCleaner"/>), merged (<see cref="TgeEventMerger"/>),
/// and a change is made durable in this order: the event store, the notice on <c>tge.events</c>, the grain state. The
/// new record is computed on the side and becomes the activation's state only after all three succeeded, so a
/// failure leaves the activation as it was and the stream's retry (PostgreSQL streams) merges the candidate again:
/// the store ignores a version it already has and the notice goes out again (at least once; webhook receivers
/// dedupe on the delivery id, slug and version). Had the state been written first, a failed notice would have
/// turned the retry into a duplicate and the alert would be lost.
/// </para>
/// <para>
/// Name slugs: a candidate without a symbol is keyed by its project name. When a symbol grain sees that name beside
/// its symbol it links the name grain to itself (one-way, once per name), and the name grain forwards later
/// symbol-less candidates there, so "Foo Finance launches token" and "Binance Will List Foo Finance (FOO)" end in
/// one record when the symbol came first.
/// </para>
/// </summary>
[ImplicitStreamSubscription(TgeStreamNames.Candidates)]
internal sealed partial class TgeEventGrain(
    [PersistentState("event", PersistentStateAttribute.DefaultStorageName)] IPersistentState<TgeEventState> state,
    ITgeEventStore store,
    IOptions<TgeEventOptions> options,
    TgeDetectionInstruments instruments,
    TimeProvider time,
    ILogger<TgeEventGrain> logger)
    : Grain, ITgeEventGrain
{
    private readonly TgeEventMerger _merger = new(options.Value);
    private string _slug = "";
    private bool _fullLogged;
    private IAsyncStream<TgeEventNotice> _notices = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _slug = this.GetPrimaryKeyString();
        var streams = this.GetStreamProvider(TgeStreamNames.Provider);
        _notices = streams.GetStream<TgeEventNotice>(StreamId.Create(TgeStreamNames.Events, TgeStreamNames.EventsKey));
        await streams.GetStream<TgeCandidate>(StreamId.Create(TgeStreamNames.Candidates, _slug)).SubscribeBatchAsync(OnCandidatesAsync);
    }

    public Task<TgeMergeOutcome> MergeAsync(TgeCandidate candidate, CancellationToken cancellationToken) => MergeCoreAsync(candidate, cancellationToken);

    public Task<TgeEvent?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(state.State.Record);

    public async Task LinkAsync(string symbolSlug, CancellationToken cancellationToken)
    {
        if (!TgeSlugs.IsValid(symbolSlug) || string.Equals(symbolSlug, _slug, StringComparison.Ordinal)
            || string.Equals(state.State.LinkedTo, symbolSlug, StringComparison.Ordinal))
        {
            return;
        }

        state.State.LinkedTo = symbolSlug;
        await state.WriteStateAsync(cancellationToken);
    }

    private async Task OnCandidatesAsync(IReadOnlyList<TgeCandidate> candidates, StreamSequenceToken token)
    {
        foreach (var candidate in candidates)
        {
            await MergeCoreAsync(candidate, CancellationToken.None);
        }
    }

    private async Task<TgeMergeOutcome> MergeCoreAsync(TgeCandidate candidate, CancellationToken cancellationToken)
    {
        var current = state.State;
        if (current.LinkedTo is { } target && candidate?.Classification is { Symbol: null })
        {
            instruments.Merged("forwarded");
            Log.Forwarded(logger, _slug, target, candidate.Item.SourceId, candidate.Item.ItemId);
            await GrainFactory.GetGrain<ITgeEventGrain>(target).MergeAsync(candidate with { TokenSlug = target }, cancellationToken);
            return TgeMergeOutcome.Forwarded;
        }

        var now = time.GetUtcNow();
        if (!TgeCandidateCleaner.TryClean(candidate!, _slug, now, out var clean, out var reason))
        {
            instruments.Rejected(reason);
            instruments.Merged("rejected");
            Log.Rejected(logger, _slug, reason, candidate?.Item?.SourceId, candidate?.Item?.ItemId);
            return TgeMergeOutcome.Rejected;
        }

        var merge = _merger.Merge(current, _slug, clean, now);
        if (merge.Outcome == TgeMergeOutcome.Duplicate)
        {
            instruments.Merged("duplicate");
            if (merge.Reason == "sightings-full")
            {
                // Logged once per activation at warning level; the rest are counted (tge.events.merged) and logged at debug level.
                if (_fullLogged)
                {
                    Log.SightingDropped(logger, _slug, clean.Sighting.SourceId, clean.Sighting.ItemId);
                }
                else
                {
                    _fullLogged = true;
                    Log.SightingsFull(logger, _slug, clean.Sighting.SourceId, clean.Sighting.ItemId);
                }
            }

            return merge.Outcome;
        }

        var record = merge.Record!;
        var link = NameToLink(current, clean);
        await store.SaveAsync(record, cancellationToken);
        var change = merge.Outcome == TgeMergeOutcome.Created ? TgeEventChange.Created : TgeEventChange.Updated;
        await _notices.OnNextAsync(new TgeEventNotice(record, change), cancellationToken: cancellationToken);

        var next = new TgeEventState
        {
            Record = record,
            EventTimeConfidence = merge.EventTimeConfidence,
            VenueConfidence = merge.VenueConfidence,
            LinkedTo = current.LinkedTo,
            LinkedNames = link is null ? current.LinkedNames : [.. current.LinkedNames, link],
        };
        state.State = next;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State = current;
            throw;
        }

        if (link is not null)
        {
            await GrainFactory.GetGrain<ITgeEventGrain>(link).LinkAsync(_slug, cancellationToken);
        }

        instruments.Merged(merge.Outcome == TgeMergeOutcome.Created ? "created" : "updated");
        if (merge.Outcome == TgeMergeOutcome.Created)
        {
            Log.Created(logger, _slug, record.Kind, record.Confidence, clean.Sighting.SourceId, record.Title);
        }
        else
        {
            Log.Updated(logger, _slug, record.Version, record.Sightings.Count, clean.Sighting.SourceId, merge.Late);
        }

        return merge.Outcome;
    }

    // A symbol grain links the project's name slug to itself the first time it sees the name beside the symbol.
    private string? NameToLink(TgeEventState current, TgeCleanCandidate clean)
    {
        if (clean.Symbol is null || TgeSlugs.FromSymbol(clean.Symbol) != _slug || TgeSlugs.FromName(clean.Name) is not { } name
            || string.Equals(name, _slug, StringComparison.Ordinal) || current.LinkedNames.Contains(name))
        {
            return null;
        }

        return name;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = TgeDetectionEventIds.EventRejected, Level = LogLevel.Warning, Message = "TGE event {Slug} refused a candidate for {Reason} (source {Source}, item {Item})")]
        public static partial void Rejected(ILogger logger, string slug, string reason, string? source, string? item);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventCreated, Level = LogLevel.Information, Message = "TGE event {Slug} detected: {Kind} at confidence {Confidence} from {Source}: {Title}")]
        public static partial void Created(ILogger logger, string slug, TgeKind kind, double confidence, string source, string title);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventUpdated, Level = LogLevel.Information, Message = "TGE event {Slug} updated to version {Version} ({Sightings} sightings) by {Source} (late sighting: {Late})")]
        public static partial void Updated(ILogger logger, string slug, int version, int sightings, string source, bool late);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventForwarded, Level = LogLevel.Debug, Message = "TGE name slug {Slug} forwarded a candidate to {Target} (source {Source}, item {Item})")]
        public static partial void Forwarded(ILogger logger, string slug, string target, string source, string item);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventSightingsFull, Level = LogLevel.Warning, Message = "TGE event {Slug} holds its maximum of sightings; dropped the one from {Source} (item {Item}); further drops are logged at debug level")]
        public static partial void SightingsFull(ILogger logger, string slug, string source, string item);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventSightingDropped, Level = LogLevel.Debug, Message = "TGE event {Slug} is full; dropped the sighting from {Source} (item {Item})")]
        public static partial void SightingDropped(ILogger logger, string slug, string source, string item);
    }
}
