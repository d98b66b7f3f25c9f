using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// Merges a cleaned sighting into a token's record (EVENTS.md, "Dedup and merge"); a pure function of its inputs, so
/// every rule is tested on plain objects.
/// <list type="number">
/// <item>Repeats change nothing: the same source and item id, or the same source with a title at least
/// <see cref="TgeEventOptions.DuplicateTitleSimilarity"/> alike (a feed that re-issues a post under a new id).</item>
/// <item>Any other sighting is recorded, with its source and times, whatever its language: the slug already says it
/// is the same token.</item>
/// <item>A sighting within <see cref="TgeEventOptions.MergeWindow"/> of the record's time may improve it: the most
/// confident sighting gives kind and confidence, the most confident one naming a venue the venue, the most confident
/// one giving a time the event time (ties keep the earlier value). A late sighting (a listing on another venue months
/// later) is a later arrival of a token that already arrived, not a new TGE: it is recorded but changes none of these.</item>
/// </list>
/// </summary>
internal sealed class TgeEventMerger(TgeEventOptions options)
{
    public TgeMerge Merge(TgeEventState state, string slug, TgeCleanCandidate candidate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(candidate);
        var sighting = candidate.Sighting;
        var record = state.Record;
        if (record is null)
        {
            var created = new TgeEvent(
                slug, candidate.Symbol, candidate.Name, candidate.Kind, candidate.Venue, candidate.EventTime, candidate.Confidence,
                sighting.Title, sighting.SeenAt, now, 1, [sighting]);
            return new TgeMerge(
                TgeMergeOutcome.Created, null, created,
                candidate.EventTime is null ? 0 : candidate.Confidence,
                candidate.Venue is null ? 0 : candidate.Confidence,
                Late: false);
        }

        if (Repeat(record, sighting) is { } reason)
        {
            return new TgeMerge(TgeMergeOutcome.Duplicate, reason, record, state.EventTimeConfidence, state.VenueConfidence, Late: false);
        }

        var late = IsLate(record, candidate);
        var next = record with
        {
            Symbol = record.Symbol ?? candidate.Symbol,
            Name = record.Name ?? candidate.Name,
            Sightings = Insert(record.Sightings, sighting),
            UpdatedAt = now,
            Version = record.Version + 1,
        };
        var timeConfidence = state.EventTimeConfidence;
        var venueConfidence = state.VenueConfidence;
        if (!late)
        {
            if (candidate.Confidence > record.Confidence)
            {
                next = next with { Kind = candidate.Kind, Confidence = candidate.Confidence };
            }

            if (candidate.Venue is not null && (record.Venue is null || candidate.Confidence > venueConfidence))
            {
                next = next with { Venue = candidate.Venue };
                venueConfidence = candidate.Confidence;
            }

            if (candidate.EventTime is not null && (record.EventTime is null || candidate.Confidence > timeConfidence))
            {
                next = next with { EventTime = candidate.EventTime };
                timeConfidence = candidate.Confidence;
            }

            if (sighting.SeenAt < record.FirstSeenAt)
            {
                next = next with { FirstSeenAt = sighting.SeenAt, Title = sighting.Title };
            }
        }

        return new TgeMerge(TgeMergeOutcome.Updated, null, next, timeConfidence, venueConfidence, late);
    }

    /// <summary>
    /// Folds <paramref name="absorbed"/> (the record a project's name slug kept before its symbol was known) into
    /// <paramref name="merged"/>, this grain's merge of the candidate that named both, as one change: each of its
    /// sightings is merged as above (repeats skipped), its event time counts with its record's confidence, and the
    /// version stays the one the candidate's merge gave, so the survivor announces one notice.
    /// </summary>
    public TgeMerge Absorb(TgeMerge merged, string slug, TgeEvent absorbed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(absorbed);
        if (absorbed.Sightings.Count == 0)
        {
            return merged;
        }

        var state = new TgeEventState { Record = merged.Record, EventTimeConfidence = merged.EventTimeConfidence, VenueConfidence = merged.VenueConfidence };
        var version = merged.Record!.Version;
        foreach (var sighting in absorbed.Sightings)
        {
            var step = Merge(state, slug, new TgeCleanCandidate(sighting, null, absorbed.Name, sighting.Kind, sighting.Venue, null, sighting.Confidence), now);
            if (step.Outcome == TgeMergeOutcome.Updated)
            {
                state = new TgeEventState { Record = step.Record, EventTimeConfidence = step.EventTimeConfidence, VenueConfidence = step.VenueConfidence };
            }
        }

        var record = state.Record!;
        var timeConfidence = state.EventTimeConfidence;
        if (absorbed.EventTime is { } time && (record.EventTime is null || absorbed.Confidence > timeConfidence)
            && !IsLate(record, new TgeCleanCandidate(absorbed.Sightings[0], null, null, absorbed.Kind, null, time, absorbed.Confidence)))
        {
            record = record with { EventTime = time };
            timeConfidence = absorbed.Confidence;
        }

        return merged with { Record = record with { Version = version }, EventTimeConfidence = timeConfidence, VenueConfidence = state.VenueConfidence };
    }

    private string? Repeat(TgeEvent record, TgeSighting sighting)
    {
        foreach (var known in record.Sightings)
        {
            if (!string.Equals(known.SourceId, sighting.SourceId, StringComparison.Ordinal))
            {
                continue;
            }

            if (string.Equals(known.ItemId, sighting.ItemId, StringComparison.Ordinal))
            {
                return "same-item";
            }

            if (TgeTitleSimilarity.Of(known.Title, sighting.Title) >= options.DuplicateTitleSimilarity)
            {
                return "same-title";
            }
        }

        return record.Sightings.Count >= options.MaxSightings ? "sightings-full" : null;
    }

    private bool IsLate(TgeEvent record, TgeCleanCandidate candidate)
    {
        var anchor = record.EventTime ?? record.FirstSeenAt;
        var at = candidate.EventTime ?? candidate.Sighting.Published ?? candidate.Sighting.SeenAt;
        return (at - anchor).Duration() > options.MergeWindow;
    }

    // Oldest first by the time the source saw it; equal times keep arrival order.
    private static TgeSighting[] Insert(IReadOnlyList<TgeSighting> sightings, TgeSighting sighting)
    {
        var merged = new TgeSighting[sightings.Count + 1];
        var at = sightings.Count;
        while (at > 0 && sightings[at - 1].SeenAt > sighting.SeenAt)
        {
            at--;
        }

        for (var i = 0; i < at; i++)
        {
            merged[i] = sightings[i];
        }

        merged[at] = sighting;
        for (var i = at; i < sightings.Count; i++)
        {
            merged[i + 1] = sightings[i];
        }

        return merged;
    }
}
