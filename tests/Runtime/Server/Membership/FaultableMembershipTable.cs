using System.Globalization;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// A membership table for agent tests: compare-and-swap on the version like the real providers, plus a switch that
/// makes every call throw, to play an unreachable database.
/// </summary>
internal sealed class FaultableMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipRow> _rows = [];
    private int _version;
    private volatile bool _unavailable;

    public bool Unavailable
    {
        get => _unavailable;
        set => _unavailable = value;
    }

    public int FailedCalls { get; private set; }

    public Task InitializeAsync(CancellationToken cancellationToken) => Run(() => 0);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => Run(Snapshot);

    public Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken) => Run(() =>
        new MembershipTableData(_rows.TryGetValue(silo, out var row) ? [row] : [], Version()));

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken) => Run(() =>
    {
        if (version.Version != _version + 1 || _rows.ContainsKey(entry.SiloAddress))
        {
            return false;
        }

        Commit(entry, version.Version);
        return true;
    });

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken) => Run(() =>
    {
        if (version.Version != _version + 1 || !_rows.TryGetValue(entry.SiloAddress, out var row) || row.Etag != etag)
        {
            return false;
        }

        Commit(entry, version.Version);
        return true;
    });

    public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) => Run(() =>
    {
        if (_rows.TryGetValue(entry.SiloAddress, out var row))
        {
            _rows[entry.SiloAddress] = row with { Entry = row.Entry with { IAmAliveTime = entry.IAmAliveTime } };
        }

        return 0;
    });

    public Task<int> CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken) => Run(() =>
    {
        var defunct = _rows.Values.Where(r => r.Entry.Status == SiloStatus.Dead && r.Entry.IAmAliveTime < before).Select(r => r.Entry.SiloAddress).ToList();
        foreach (var silo in defunct)
        {
            _rows.Remove(silo);
        }

        return defunct.Count;
    });

    public Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken) => Run(() =>
    {
        _rows.Clear();
        return 0;
    });

    /// <summary>Puts a row in directly, as a previous cluster would have left it.</summary>
    public void Seed(MembershipEntry entry)
    {
        lock (_lock)
        {
            Commit(entry, _version + 1);
        }
    }

    public MembershipEntry? Get(SiloAddress silo)
    {
        lock (_lock)
        {
            return _rows.TryGetValue(silo, out var row) ? row.Entry : null;
        }
    }

    public MembershipTableData Read()
    {
        lock (_lock)
        {
            return Snapshot();
        }
    }

    private MembershipTableData Snapshot() => new([.. _rows.Values], Version());

    private TableVersion Version() => new(_version, _version.ToString(CultureInfo.InvariantCulture));

    private void Commit(MembershipEntry entry, int version)
    {
        _version = version;
        _rows[entry.SiloAddress] = new MembershipRow(entry, version.ToString(CultureInfo.InvariantCulture));
    }

    private Task<T> Run<T>(Func<T> action)
    {
        lock (_lock)
        {
            if (_unavailable)
            {
                FailedCalls++;
                return Task.FromException<T>(new IOException("membership table is down (test)"));
            }

            return Task.FromResult(action());
        }
    }
}
