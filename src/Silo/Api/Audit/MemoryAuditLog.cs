using System.Globalization;
using Microsoft.Extensions.Options;
using TgeSwarm.Silo.Configuration;

namespace TgeSwarm.Silo.Api.Audit;

/// <summary>The embedded default's audit log: the newest <see cref="ApiOptions.MemoryAuditCapacity"/> entries.</summary>
internal sealed class MemoryAuditLog(IOptions<ApiOptions> options) : IAuditLog
{
    private readonly Lock _lock = new();
    private readonly LinkedList<AuditEntry> _entries = new();
    private readonly int _capacity = options.Value.MemoryAuditCapacity;
    private long _lastId;

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _entries.AddFirst(entry with { Id = ++_lastId });
            if (_entries.Count > _capacity)
            {
                _entries.RemoveLast();
            }
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ReadAsync(int limit, long? before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var items = _entries.Where(e => before is null || e.Id < before).Take(limit + 1).ToList();
            string? next = null;
            if (items.Count > limit)
            {
                items.RemoveAt(limit);
                next = items[^1].Id.ToString(CultureInfo.InvariantCulture);
            }

            return Task.FromResult(new AuditPage(items, next));
        }
    }
}
