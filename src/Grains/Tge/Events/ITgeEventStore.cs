using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// Where event records are kept for reading: the event grains save every change here and the API pages through it.
/// PostgreSQL when the silo has a database, memory on the embedded default.
/// </summary>
public interface ITgeEventStore
{
    /// <summary>Inserts or replaces the record of <see cref="TgeEvent.TokenSlug"/>; an older <see cref="TgeEvent.Version"/> never overwrites a newer one.</summary>
    Task SaveAsync(TgeEvent record, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the record of <paramref name="tokenSlug"/>: a project-name record whose sightings another record
    /// absorbed (EVENTS.md, "Slug"). Removing a slug that has no record does nothing.
    /// </summary>
    Task DeleteAsync(string tokenSlug, CancellationToken cancellationToken);

    /// <summary>The record of one token, or null when none was detected.</summary>
    Task<TgeEvent?> GetAsync(string tokenSlug, CancellationToken cancellationToken);

    /// <summary>One page of records matching <paramref name="query"/>, newest first; bad arguments throw <see cref="ArgumentException"/> naming the field.</summary>
    Task<TgeEventPage> QueryAsync(TgeEventQuery query, CancellationToken cancellationToken);
}
