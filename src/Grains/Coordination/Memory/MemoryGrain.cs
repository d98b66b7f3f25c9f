using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Memory;

/// <summary>
/// One namespace of shared findings. Entries live in one persisted state; each write takes the next version of the
/// namespace (never reused, so a version names exactly one write even across a remove and re-create), and a write
/// naming an expected version applies only if the entry is at that version (0: absent), else nothing changes.
/// Expiry is judged on every read against the injected clock, so an expired entry is gone for readers the moment its
/// time passes; a timer purges expired entries from the stored state while the namespace is active, and activation
/// purges what expired while it was not. Values are JSON text, checked to parse, and bounded in size, count and total.
/// </summary>
internal sealed partial class MemoryGrain(
    [PersistentState("memory", PersistentStateAttribute.DefaultStorageName)] IPersistentState<MemoryState> state,
    IOptions<MemoryOptions> options,
    TimeProvider time,
    ILogger<MemoryGrain> logger)
    : Grain, IMemoryGrain
{
    private const int MaxNamespaceLength = 200;
    private const int MaxUpdatedByLength = 200;
    private const int MaxListLimit = 1_000;

    private readonly MemoryOptions _options = options.Value;
    private IGrainTimer? _purge;

    private string Namespace => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _purge = RegisterGrainTimer(PurgeAsync, _options.PurgeInterval, _options.PurgeInterval);
        await PurgeAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _purge?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<long> SetAsync(string key, string value, TimeSpan? ttl, long? expectedVersion, string? updatedBy, CancellationToken cancellationToken)
    {
        CheckNamespace();
        CheckKey(key);
        var bytes = CheckValue(value);
        if (ttl is { } lifetime && (lifetime <= TimeSpan.Zero || lifetime == Timeout.InfiniteTimeSpan))
        {
            throw new CoordinationArgumentException($"Ttl must be a positive time (or null for no expiry), not {lifetime}.", "ttl");
        }

        if (expectedVersion is < 0)
        {
            throw new CoordinationArgumentException($"ExpectedVersion must be 0 (absent) or a version read before, not {expectedVersion}.", "expectedVersion");
        }

        if (updatedBy is { Length: > MaxUpdatedByLength })
        {
            throw new CoordinationArgumentException($"UpdatedBy must be at most {MaxUpdatedByLength} characters.", "updatedBy");
        }

        var now = time.GetUtcNow();
        var current = Live(key, now);
        CheckVersion(key, current, expectedVersion);
        CheckCapacity(key, current, bytes, now);

        var record = new MemoryRecord
        {
            Value = value,
            Version = state.State.LastVersion + 1,
            ExpiresAt = ttl is { } t ? now + t : null,
            UpdatedAt = now,
            UpdatedBy = updatedBy,
            Bytes = bytes,
        };
        state.State.LastVersion = record.Version;
        state.State.Entries[key] = record;
        await PersistAsync(cancellationToken);
        return record.Version;
    }

    public Task<MemoryEntry?> GetAsync(string key, CancellationToken cancellationToken)
    {
        CheckNamespace();
        CheckKey(key);
        return Task.FromResult(Live(key, time.GetUtcNow()) is { } record ? ToEntry(key, record) : null);
    }

    public Task<MemoryPage> ListAsync(string? prefix, int limit, string? cursor, CancellationToken cancellationToken)
    {
        CheckNamespace();
        if (limit is < 1 or > MaxListLimit)
        {
            throw new CoordinationArgumentException($"Limit must be between 1 and {MaxListLimit}, not {limit}.", "limit");
        }

        var now = time.GetUtcNow();
        var page = state.State.Entries
            .Where(e => (prefix is null || e.Key.StartsWith(prefix, StringComparison.Ordinal))
                && (cursor is null || string.CompareOrdinal(e.Key, cursor) > 0)
                && e.Value.IsLive(now))
            .OrderBy(static e => e.Key, StringComparer.Ordinal)
            .Take(limit + 1)
            .Select(e => ToEntry(e.Key, e.Value))
            .ToList();
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(limit);
        }

        return Task.FromResult(new MemoryPage(page, more ? page[^1].Key : null));
    }

    public async Task<bool> RemoveAsync(string key, long? expectedVersion, CancellationToken cancellationToken)
    {
        CheckNamespace();
        CheckKey(key);
        if (expectedVersion is < 1)
        {
            throw new CoordinationArgumentException($"ExpectedVersion must be a version read before (1 or more), not {expectedVersion}.", "expectedVersion");
        }

        var current = Live(key, time.GetUtcNow());
        CheckVersion(key, current, expectedVersion);
        if (current is null)
        {
            return false;
        }

        state.State.Entries.Remove(key);
        await PersistAsync(cancellationToken);
        return true;
    }

    private MemoryRecord? Live(string key, DateTimeOffset now) =>
        state.State.Entries.TryGetValue(key, out var record) && record.IsLive(now) ? record : null;

    private void CheckVersion(string key, MemoryRecord? current, long? expectedVersion)
    {
        if (expectedVersion is not { } expected || expected == (current?.Version ?? 0))
        {
            return;
        }

        var found = current is null ? "absent" : $"at version {current.Version}";
        Log.Rejected(logger, Namespace, key, expected, found);
        throw new MemoryVersionConflictException(
            $"Memory {Namespace}/{key} is {found}, not {(expected == 0 ? "absent" : $"at version {expected}")} as expected; read it again and retry.");
    }

    private void CheckCapacity(string key, MemoryRecord? current, int bytes, DateTimeOffset now)
    {
        var live = state.State.Entries.Values.Where(r => r.IsLive(now)).ToList();
        if (current is null && live.Count >= _options.MaxKeys)
        {
            throw new CoordinationArgumentException(
                $"Memory namespace {Namespace} holds {live.Count} keys, the most allowed; remove some before adding '{key}'.", "key");
        }

        var total = live.Sum(static r => (long)r.Bytes) - (current?.Bytes ?? 0) + bytes;
        if (total > _options.MaxNamespaceBytes)
        {
            throw new CoordinationArgumentException(
                $"Memory namespace {Namespace} would hold {total} bytes of values, more than {_options.MaxNamespaceBytes}; remove some first.", "value");
        }
    }

    private void CheckNamespace()
    {
        if (Namespace.Length is 0 or > MaxNamespaceLength || Namespace.Any(char.IsControl))
        {
            throw new CoordinationArgumentException($"A memory namespace is 1..{MaxNamespaceLength} characters without control characters.", "namespace");
        }
    }

    private void CheckKey(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > _options.MaxKeyLength || key.Any(char.IsControl))
        {
            throw new CoordinationArgumentException($"A memory key is 1..{_options.MaxKeyLength} characters without control characters.", "key");
        }
    }

    private int CheckValue(string value)
    {
        if (value is null)
        {
            throw new CoordinationArgumentException("A value is required (JSON text).", "value");
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes > _options.MaxValueBytes)
        {
            throw new CoordinationArgumentException($"The value is {bytes} bytes; at most {_options.MaxValueBytes} are allowed.", "value");
        }

        try
        {
            using var document = JsonDocument.Parse(value);
        }
        catch (JsonException exception)
        {
            throw new CoordinationArgumentException($"The value is not JSON: {exception.Message}", "value");
        }

        return bytes;
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expired = state.State.Entries.Where(e => !e.Value.IsLive(now)).Select(static e => e.Key).ToList();
        if (expired.Count == 0)
        {
            return;
        }

        foreach (var key in expired)
        {
            state.State.Entries.Remove(key);
        }

        await PersistAsync(cancellationToken);
        Log.Purged(logger, Namespace, expired.Count);
    }

    /// <summary>Writes the state; if the write fails, reloads the stored state so the call changed nothing.</summary>
    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception)
        {
            await state.ReadStateAsync(CancellationToken.None);
            if (!state.RecordExists)
            {
                // Nothing stored yet: a read leaves the changed state in place, so start again from empty.
                state.State = new MemoryState();
            }

            throw;
        }
    }

    private static MemoryEntry ToEntry(string key, MemoryRecord record) =>
        new(key, record.Value, record.Version, record.ExpiresAt, record.UpdatedAt, record.UpdatedBy);

    private static partial class Log
    {
        [LoggerMessage(EventId = CoordinationEventIds.MemoryPurged, Level = LogLevel.Debug, Message = "Memory {Namespace}: purged {Count} expired entries")]
        public static partial void Purged(ILogger logger, string @namespace, int count);

        [LoggerMessage(EventId = CoordinationEventIds.MemoryRejected, Level = LogLevel.Debug, Message = "Memory {Namespace}/{Key}: expected version {Expected}, found {Found}")]
        public static partial void Rejected(ILogger logger, string @namespace, string key, long expected, string found);
    }
}
