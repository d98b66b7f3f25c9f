using System.Collections.Concurrent;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// Event records in the silo's memory: the embedded default's store (one silo, no database). Queries scan every
/// record, which is fine for the thousands a run finds; a cluster uses <see cref="PostgresTgeEventStore"/>.
/// </summary>
internal sealed class InMemoryTgeEventStore : ITgeEventStore
{
    private readonly ConcurrentDictionary<string, TgeEvent> _records = new(StringComparer.Ordinal);

    public int Count => _records.Count;

    public Task SaveAsync(TgeEvent record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.AddOrUpdate(record.TokenSlug, record, (_, stored) => record.Version > stored.Version ? record : stored);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string tokenSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenSlug);
        _records.TryRemove(tokenSlug, out _);
        return Task.CompletedTask;
    }

    public Task<TgeEvent?> GetAsync(string tokenSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenSlug);
        return Task.FromResult(_records.TryGetValue(tokenSlug, out var record) ? record : null);
    }

    public Task<TgeEventPage> QueryAsync(TgeEventQuery query, CancellationToken cancellationToken)
    {
        var after = TgeEventQueries.Validate(query);
        var matching = new List<TgeEvent>();
        foreach (var record in _records.Values)
        {
            if (TgeEventQueries.Matches(record, query, after))
            {
                matching.Add(record);
            }
        }

        matching.Sort(TgeEventQueries.NewestFirst);
        if (matching.Count <= query.Limit)
        {
            return Task.FromResult(new TgeEventPage(matching, null));
        }

        var page = matching.GetRange(0, query.Limit);
        return Task.FromResult(new TgeEventPage(page, TgeEventQueries.CursorOf(page[^1]).Encode()));
    }
}
