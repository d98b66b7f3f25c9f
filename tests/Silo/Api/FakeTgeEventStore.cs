using System.Globalization;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>An event store the test fills: newest first by detection time, cursor = how many records were served.</summary>
public sealed class FakeTgeEventStore : ITgeEventStore
{
    private readonly Lock _lock = new();
    private readonly List<TgeEvent> _events = [];

    public Task SaveAsync(TgeEvent record, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _events.RemoveAll(e => e.TokenSlug == record.TokenSlug);
            _events.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string tokenSlug, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _events.RemoveAll(e => e.TokenSlug == tokenSlug);
        }

        return Task.CompletedTask;
    }

    public Task<TgeEvent?> GetAsync(string tokenSlug, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_events.Find(e => e.TokenSlug == tokenSlug));
        }
    }

    public Task<TgeEventPage> QueryAsync(TgeEventQuery query, CancellationToken cancellationToken)
    {
        var skip = query.Cursor is null ? 0 : int.Parse(query.Cursor, CultureInfo.InvariantCulture);
        lock (_lock)
        {
            var matching = _events
                .Where(e => query.From is null || e.FirstSeenAt >= query.From)
                .Where(e => query.To is null || e.FirstSeenAt < query.To)
                .Where(e => query.Token is null || e.TokenSlug == query.Token || string.Equals(e.Symbol, query.Token, StringComparison.OrdinalIgnoreCase))
                .Where(e => query.Kind is null || e.Kind == query.Kind)
                .Where(e => query.MinConfidence is null || e.Confidence >= query.MinConfidence)
                .OrderByDescending(e => e.FirstSeenAt)
                .ToList();
            var page = matching.Skip(skip).Take(query.Limit).ToList();
            var next = skip + page.Count < matching.Count ? (skip + page.Count).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new TgeEventPage(page, next));
        }
    }

    public static TgeEvent Event(string slug, string symbol, TgeKind kind, double confidence, DateTimeOffset firstSeen) =>
        new(slug, symbol, symbol + " project", kind, "binance", null, confidence, $"Binance will list {symbol}", firstSeen, firstSeen, 1, []);
}
