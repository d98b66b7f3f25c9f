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
/// its symbol it absorbs the name grain's record, if any, and links the name grain to itself (one-way, once per
/// name), which then forwards later symbol-less candidates there, so "Foo Finance launches token" and "Binance Will
/// List Foo Finance (FOO)" end in one record in either order. Only a record without a symbol is absorbed: a name
/// slug that is also some token's symbol slug (project "Bar", token BAR) keeps that token's record. The name grain
/// hands over any sighting it merged after the symbol grain read its record, removes its row and forwards from then on.
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

        // Whole microseconds, as PostgreSQL keeps them, so UpdatedAt reads back from tge_events as the grain holds it.
        var now = TgeCandidateCleaner.Microseconds(time.GetUtcNow());
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

        var link = NameToLink(current, clean);
        var absorbed = link is null ? null : await NamedRecordAsync(link, cancellationToken);
        if (absorbed is not null)
        {
            merge = _merger.Absorb(merge, _slug, absorbed, now);
        }

        var record = merge.Record!;
        await store.SaveAsync(record, cancellationToken);

        // Absorbing a name's record continues an event already announced under that name: an update, never a second alert.
        var change = merge.Outcome == TgeMergeOutcome.Created && absorbed is null ? TgeEventChange.Created : TgeEventChange.Updated;
        await _notices.OnNextAsync(new TgeEventNotice(record, change), cancellationToken: cancellationToken);

        var next = new TgeEventState
        {
            Record = record,
            EventTimeConfidence = merge.EventTimeConfidence,
            VenueConfidence = merge.VenueConfidence,
            LinkedTo = current.LinkedTo,
            LinkedNames = link is null ? current.LinkedNames : [.. current.LinkedNames, link],
        };
        await WriteStateAsync(next, current, cancellationToken);

        if (link is not null)
        {
            await GrainFactory.GetGrain<ITgeEventGrain>(link).LinkAsync(_slug, cancellationToken);
        }

        instruments.Merged(merge.Outcome == TgeMergeOutcome.Created ? "created" : "updated");
        if (absorbed is not null)
        {
            instruments.Merged("absorbed");
            Log.Absorbed(logger, _slug, link!, absorbed.Sightings.Count, record.Version);
        }

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

    public async Task LinkAsync(string symbolSlug, CancellationToken cancellationToken)
    {
        var current = state.State;
        if (!TgeSlugs.IsValid(symbolSlug) || string.Equals(symbolSlug, _slug, StringComparison.Ordinal)
            || (string.Equals(current.LinkedTo, symbolSlug, StringComparison.Ordinal) && current.Record is not { Symbol: null }))
        {
            return;
        }

        var handOver = current.Record is { Symbol: null } record ? record : null;
        if (handOver is not null)
        {
            var late = await HandOverAsync(handOver, symbolSlug, cancellationToken);
            Log.HandedOver(logger, _slug, symbolSlug, late);
        }

        var next = new TgeEventState
        {
            Record = handOver is null ? current.Record : null,
            EventTimeConfidence = handOver is null ? current.EventTimeConfidence : 0,
            VenueConfidence = handOver is null ? current.VenueConfidence : 0,
            LinkedTo = symbolSlug,
            LinkedNames = current.LinkedNames,
        };
        await WriteStateAsync(next, current, cancellationToken);

        // After the state: a failed removal leaves a stale row for the API, never a record without its grain.
        if (handOver is not null)
        {
            await store.DeleteAsync(_slug, cancellationToken);
        }
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

    // The name grain's record as the symbol grain merges the linking candidate, when it is one to absorb.
    private async Task<TgeEvent?> NamedRecordAsync(string name, CancellationToken cancellationToken) =>
        await GrainFactory.GetGrain<ITgeEventGrain>(name).GetAsync(cancellationToken) is { Symbol: null } record ? record : null;

    // The symbol grain read this record a few turns ago; sightings merged here since then go over one by one (each
    // its own notice; a race of milliseconds, so rare). Returns how many.
    private async Task<int> HandOverAsync(TgeEvent record, string symbolSlug, CancellationToken cancellationToken)
    {
        var target = GrainFactory.GetGrain<ITgeEventGrain>(symbolSlug);
        var survivor = await target.GetAsync(cancellationToken);
        var late = 0;
        foreach (var sighting in record.Sightings)
        {
            if (survivor is not null && survivor.Sightings.Any(s => s.SourceId == sighting.SourceId && s.ItemId == sighting.ItemId))
            {
                continue;
            }

            late++;
            var item = new TgeItem(
                sighting.SourceId, sighting.ItemId, sighting.Title, "", sighting.Link, sighting.Published, sighting.Language, [], sighting.SeenAt, sighting.SeenAt);
            var verdict = new TgeClassification(
                true, sighting.Kind, null, record.Name, sighting.Venue, null, sighting.Confidence, ["handed-over:" + _slug], []);
            await target.MergeAsync(new TgeCandidate(symbolSlug, item, verdict, sighting.RecordedAt), cancellationToken);
        }

        return late;
    }

    // The new state becomes the activation's only once stored; a failed write puts the old one back.
    private async Task WriteStateAsync(TgeEventState next, TgeEventState current, CancellationToken cancellationToken)
    {
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
    }
}
