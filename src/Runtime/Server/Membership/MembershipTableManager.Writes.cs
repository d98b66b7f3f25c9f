using System.Diagnostics;

namespace TgeSwarm.Runtime.Membership;

/// <summary>This silo's writes of its own row, and the clean-up of rows a joining silo finds left behind.</summary>
internal sealed partial class MembershipTableManager
{
    private volatile MembershipEntry? _ownEntry;
    private bool _insertAttempted;

    private enum WriteOutcome
    {
        Written,
        AlreadyDone,
        Conflict,
        Collision,
        DeclaredDead,
        Missing,
    }

    /// <summary>
    /// Creates the table if needed and inserts this silo's row as Joining, retrying version conflicts at once and
    /// an unreachable table every <see cref="TableRetryDelay"/> until <paramref name="cancellationToken"/> ends it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A row with this very address (endpoint and generation) exists already.</exception>
    public async Task InsertOwnRowAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        Debug.Assert(entry.SiloAddress.Equals(Self), "A silo inserts only its own row.");
        await RetryWhileTableDownAsync("initialize", ct => _table.InitializeAsync(ct), cancellationToken);
        while (true)
        {
            var outcome = await RetryWhileTableDownAsync("insert own row", ct => InsertOnceAsync(entry, ct), cancellationToken);
            switch (outcome)
            {
                case WriteOutcome.Written or WriteOutcome.AlreadyDone:
                    _ownEntry = entry;
                    _localSilo.Status = entry.Status;
                    return;
                case WriteOutcome.Collision:
                    var existing = LatestTable?.Find(Self)?.Entry;
                    LogGenerationCollision(_logger, Self, existing?.Status ?? SiloStatus.None);
                    throw new InvalidOperationException(
                        $"The membership table already holds a row for {Self} (status {existing?.Status}): another silo process started on the " +
                        "same endpoint within the same second, so both would have the same generation. Start this silo again.");
                default:
                    continue;
            }
        }
    }

    private async Task<WriteOutcome> InsertOnceAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        var data = await _table.ReadAllAsync(cancellationToken);
        ReportTableHealthy();
        Process(data);
        if (data.Find(Self) is { } existing)
        {
            // After a failed attempt the insert may have landed anyway (the reply was lost): a Joining row then is ours.
            return _insertAttempted && existing.Entry.Status == SiloStatus.Joining ? WriteOutcome.AlreadyDone : WriteOutcome.Collision;
        }

        _insertAttempted = true;
        var inserted = await _table.InsertRowAsync(entry, data.Version.Next(), cancellationToken);
        if (inserted)
        {
            await TryRefreshAsync(cancellationToken);
        }

        return inserted ? WriteOutcome.Written : WriteOutcome.Conflict;
    }

    /// <summary>
    /// Moves this silo's row to <paramref name="status"/> (with <paramref name="deathReason"/> when Dead), retrying
    /// until written or cancelled. Writing Dead over Dead, or a status the row already has, is a no-op.
    /// </summary>
    /// <exception cref="InvalidOperationException">The row is gone, or reads Dead while a live status was asked for.</exception>
    public async Task UpdateOwnStatusAsync(SiloStatus status, string deathReason, CancellationToken cancellationToken)
    {
        if (status == SiloStatus.Dead)
        {
            // Our own Dead row must not read as "declared dead by others".
            _leaving = true;
        }

        while (true)
        {
            var outcome = await RetryWhileTableDownAsync($"write own status {status}", ct => UpdateOwnStatusOnceAsync(status, deathReason, ct), cancellationToken);
            switch (outcome)
            {
                case WriteOutcome.Written or WriteOutcome.AlreadyDone:
                    _localSilo.Status = status;
                    return;
                case WriteOutcome.DeclaredDead:
                    throw new InvalidOperationException($"{Self} cannot become {status}: the membership table declared it dead ({LatestTable?.Find(Self)?.Entry.DeathReason}).");
                case WriteOutcome.Missing:
                    LogOwnRowMissing(_logger, Self, status);
                    throw new InvalidOperationException($"{Self} cannot become {status}: its row is missing from the membership table.");
                default:
                    continue;
            }
        }
    }

    private async Task<WriteOutcome> UpdateOwnStatusOnceAsync(SiloStatus status, string deathReason, CancellationToken cancellationToken)
    {
        var data = await _table.ReadAllAsync(cancellationToken);
        ReportTableHealthy();
        Process(data);
        if (data.Find(Self) is not { } row)
        {
            // Nothing to stop when the row is gone (table wiped); a live status without a row is an error.
            return status is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping ? WriteOutcome.AlreadyDone : WriteOutcome.Missing;
        }

        if (row.Entry.Status == SiloStatus.Dead)
        {
            return status == SiloStatus.Dead ? WriteOutcome.AlreadyDone : WriteOutcome.DeclaredDead;
        }

        if (row.Entry.Status == status)
        {
            return WriteOutcome.AlreadyDone;
        }

        var updated = row.Entry with
        {
            Status = status,
            IAmAliveTime = _time.GetUtcNow(),
            DeathReason = status == SiloStatus.Dead ? deathReason : row.Entry.DeathReason,
        };
        if (!await _table.UpdateRowAsync(updated, row.Etag, data.Version.Next(), cancellationToken))
        {
            return WriteOutcome.Conflict;
        }

        _ownEntry = updated;
        LogOwnStatusWritten(_logger, Self, row.Entry.Status, status, data.Version.Version + 1);
        await TryRefreshAsync(cancellationToken);
        return WriteOutcome.Written;
    }

    /// <summary>
    /// At join: the rows this silo's arrival makes obsolete. <c>Superseded</c>: live rows of older generations on this
    /// endpoint (this process replaces them). <c>Stale</c>: live rows whose IAmAlive is stale, typically left by a
    /// cluster that is gone; the caller probes those before declaring them dead, since a table outage also makes
    /// live silos stale.
    /// </summary>
    public async Task<(List<SiloAddress> Superseded, List<SiloAddress> Stale)> FindLeftoverRowsAsync(CancellationToken cancellationToken)
    {
        var data = await RetryWhileTableDownAsync("read leftover rows", _table.ReadAllAsync, cancellationToken);
        ReportTableHealthy();
        Process(data);
        var now = _time.GetUtcNow();
        List<SiloAddress> superseded = [];
        List<SiloAddress> stale = [];
        foreach (var row in data.Members)
        {
            var silo = row.Entry.SiloAddress;
            if (row.Entry.Status == SiloStatus.Dead || silo.Equals(Self))
            {
                continue;
            }

            if (IsSupersededBySelf(silo))
            {
                superseded.Add(silo);
            }
            else if (LivenessRules.IsStale(row.Entry, now, _options))
            {
                stale.Add(silo);
            }
        }

        return (superseded, stale);
    }

    /// <summary>
    /// Declares <paramref name="superseded"/> dead, and each of <paramref name="unresponsiveStale"/> whose row is still
    /// stale when written (one that wrote IAmAlive meanwhile is alive after all). Returns how many it declared.
    /// </summary>
    public async Task<int> DeclareLeftoverRowsDeadAsync(IReadOnlyCollection<SiloAddress> superseded, IReadOnlyCollection<SiloAddress> unresponsiveStale, CancellationToken cancellationToken)
    {
        var declared = 0;
        foreach (var silo in superseded.Concat(unresponsiveStale))
        {
            while (true)
            {
                var outcome = await RetryWhileTableDownAsync("declare leftover row dead", ct => DeclareLeftoverDeadOnceAsync(silo, ct), cancellationToken);
                if (outcome != WriteOutcome.Conflict)
                {
                    declared += outcome == WriteOutcome.Written ? 1 : 0;
                    break;
                }
            }
        }

        return declared;
    }

    private bool IsSupersededBySelf(SiloAddress silo) => silo.IsSameEndpoint(Self) && silo.Generation < Self.Generation;

    private async Task<WriteOutcome> DeclareLeftoverDeadOnceAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        var data = await _table.ReadAllAsync(cancellationToken);
        ReportTableHealthy();
        Process(data);
        var now = _time.GetUtcNow();
        if (data.Find(silo) is not { Entry.Status: not SiloStatus.Dead } row)
        {
            return WriteOutcome.AlreadyDone;
        }

        var entry = row.Entry;
        var superseded = IsSupersededBySelf(silo);
        if (!superseded && !LivenessRules.IsStale(entry, now, _options))
        {
            return WriteOutcome.AlreadyDone;
        }

        var reason = superseded ? DeathReasons.SupersededByRestart(Self) : DeathReasons.StaleAtJoin(Self, LivenessRules.LastSignOfLife(entry));
        if (!await _table.UpdateRowAsync(entry with { Status = SiloStatus.Dead, DeathReason = reason }, row.Etag, data.Version.Next(), cancellationToken))
        {
            return WriteOutcome.Conflict;
        }

        if (superseded)
        {
            LogSupersededRow(_logger, silo, Self);
            _instruments.DeathsDeclared.Add(1, new KeyValuePair<string, object?>("reason", "superseded"));
        }
        else
        {
            LogStaleRowDeclaredDead(_logger, silo, LivenessRules.LastSignOfLife(entry));
            _instruments.DeathsDeclared.Add(1, new KeyValuePair<string, object?>("reason", "stale"));
        }

        await TryRefreshAsync(cancellationToken);
        return WriteOutcome.Written;
    }

    /// <summary>Writes this silo's IAmAlive time (no version change); throws what the table throws, after reporting it.</summary>
    public async Task PublishIAmAliveAsync(CancellationToken cancellationToken)
    {
        if (_ownEntry is not { } own)
        {
            return;
        }

        try
        {
            await _table.UpdateIAmAliveAsync(own with { IAmAliveTime = _time.GetUtcNow() }, cancellationToken);
            ReportTableHealthy();
        }
        catch (Exception exception) when (IsTableFailure(exception, cancellationToken))
        {
            ReportTableFailure("write IAmAlive", exception);
        }
    }

    /// <summary>Deletes rows of silos dead for longer than <c>DefunctSiloExpiration</c>; failures are logged.</summary>
    public async Task CleanupDefunctRowsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var deleted = await _table.CleanupDefunctSiloEntriesAsync(_time.GetUtcNow() - _options.DefunctSiloExpiration, cancellationToken);
            ReportTableHealthy();
            if (deleted > 0)
            {
                LogDefunctRowsDeleted(_logger, deleted);
            }
        }
        catch (Exception exception) when (IsTableFailure(exception, cancellationToken))
        {
            ReportTableFailure("delete defunct rows", exception);
        }
    }

    private async Task<T> RetryWhileTableDownAsync<T>(string operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await attempt(cancellationToken);
            }
            catch (Exception exception) when (IsTableFailure(exception, cancellationToken))
            {
                ReportTableFailure(operation, exception);
            }

            await Task.Delay(TableRetryDelay, _time, cancellationToken);
        }
    }

    private Task RetryWhileTableDownAsync(string operation, Func<CancellationToken, Task> attempt, CancellationToken cancellationToken) =>
        RetryWhileTableDownAsync(operation, async ct =>
        {
            await attempt(ct);
            ReportTableHealthy();
            return true;
        }, cancellationToken);
}
