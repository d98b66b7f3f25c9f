using System.Collections.Immutable;
using System.Globalization;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// The membership table of one process: shared by every silo of an in-process <c>TestCluster</c>, and by the single
/// silo of localhost clustering.
/// <para>
/// Guarantees: the same compare-and-swap semantics as the PostgreSQL table. One lock orders every write, so an insert
/// or update succeeds only when the stored version is <c>version.Version - 1</c> (and, for an update, the row's etag
/// matches); of writers holding the same version exactly one wins. A row's etag is the table version that last wrote
/// it, so etags never repeat, even after <see cref="DeleteMembershipTableEntriesAsync"/>. IAmAlive writes change
/// neither etag nor version. Cleanup and delete-all move the version on too, so it only ever grows.
/// </para>
/// <para>
/// Callers cannot mutate the table through what they pass in or get back: entries are immutable records whose vote
/// lists are copied into immutable arrays on the way in. Times are kept exactly (100 ns ticks).
/// </para>
/// </summary>
internal sealed partial class InMemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipRow> _rows = [];
    private int _version;

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new MembershipTableData([.. _rows.Values], CurrentVersion()));
        }
    }

    public Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        lock (_lock)
        {
            ImmutableArray<MembershipRow> members = _rows.TryGetValue(silo, out var row) ? [row] : [];
            return Task.FromResult(new MembershipTableData(members, CurrentVersion()));
        }
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (version.Version != _version + 1 || _rows.ContainsKey(entry.SiloAddress))
            {
                return Task.FromResult(false);
            }

            Commit(version.Version, entry);
        }

        return Task.FromResult(true);
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (version.Version != _version + 1
                || !_rows.TryGetValue(entry.SiloAddress, out var stored)
                || !string.Equals(stored.Etag, etag, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            Commit(version.Version, entry);
        }

        return Task.FromResult(true);
    }

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            // Like an UPDATE that matches no row: a silo whose row was cleaned up has nothing to refresh.
            if (_rows.TryGetValue(entry.SiloAddress, out var stored))
            {
                _rows[entry.SiloAddress] = stored with { Entry = stored.Entry with { IAmAliveTime = entry.IAmAliveTime } };
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var defunct = _rows.Values
                .Where(r => r.Entry.Status == SiloStatus.Dead && r.Entry.IAmAliveTime < before)
                .Select(r => r.Entry.SiloAddress)
                .ToList();
            if (defunct.Count == 0)
            {
                return Task.FromResult(0);
            }

            defunct.ForEach(silo => _rows.Remove(silo));
            Publish(++_version);
            return Task.FromResult(defunct.Count);
        }
    }

    public Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _rows.Clear();
            Publish(++_version);
        }

        return Task.CompletedTask;
    }

    private void Commit(int version, MembershipEntry entry)
    {
        _version = version;
        var stored = entry with { SuspectTimes = ImmutableArray.CreateRange(entry.SuspectTimes) };
        _rows[entry.SiloAddress] = new MembershipRow(stored, FormatVersion(version));
        Publish(version);
    }

    private TableVersion CurrentVersion() => new(_version, FormatVersion(_version));

    private static string FormatVersion(int version) => version.ToString(CultureInfo.InvariantCulture);
}
