using System.Globalization;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// Keeps the cluster's reminders in memory, like Orleans' in-memory reminder table: every silo reads and writes
/// through this one grain, wherever placement put it, so all silos see one table. Its contents live as long as its
/// activation: never collected when idle (see <c>UseInMemoryReminderService</c>), gone when its silo stops or dies.
/// For development and tests; production uses PostgreSQL. Versions come from one counter and never repeat, so a stale
/// handle can never match a row that was removed and registered again.
/// </summary>
internal sealed class ReminderTableGrain : Grain, IReminderTableGrain
{
    private readonly Dictionary<ReminderKey, ReminderRow> _rows = [];
    private long _lastVersion;

    public Task<ReminderRow?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.GetValueOrDefault(new ReminderKey(grainId, reminderName)));

    public Task<List<ReminderRow>> ReadRowsOfGrain(GrainId grainId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.Values.Where(r => r.GrainId.Equals(grainId)).ToList());

    public Task<List<ReminderRow>> ReadRowsInRanges(List<(uint, uint)> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var parsed = ranges.Select(static r => new ReminderRange(r.Item1, r.Item2)).ToArray();
        return Task.FromResult(_rows.Values.Where(r => parsed.Any(range => range.Contains(r.GrainId.GetUniformHashCode()))).ToList());
    }

    public Task<string?> Upsert(ReminderRow row, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = new ReminderKey(row.GrainId, row.ReminderName);
        _rows.TryGetValue(key, out var stored);
        if (!string.Equals(stored?.ETag, expectedETag, StringComparison.Ordinal))
        {
            return Task.FromResult<string?>(null);
        }

        var etag = NextVersion();
        _rows[key] = row with { ETag = etag, LastFiredAt = null };
        return Task.FromResult<string?>(etag);
    }

    public Task<bool> Remove(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var key = new ReminderKey(grainId, reminderName);
        return Task.FromResult(_rows.TryGetValue(key, out var stored) && string.Equals(stored.ETag, eTag, StringComparison.Ordinal) && _rows.Remove(key));
    }

    public Task<bool> RecordTick(GrainId grainId, string reminderName, string eTag, DateTime firedAt, CancellationToken cancellationToken)
    {
        var key = new ReminderKey(grainId, reminderName);
        if (!_rows.TryGetValue(key, out var stored) || !string.Equals(stored.ETag, eTag, StringComparison.Ordinal))
        {
            return Task.FromResult(false);
        }

        if (stored.LastFiredAt is not { } last || last < firedAt)
        {
            _rows[key] = stored with { LastFiredAt = firedAt };
        }

        return Task.FromResult(true);
    }

    private string NextVersion() => (++_lastVersion).ToString(CultureInfo.InvariantCulture);
}
