using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>The worker and the loops that feed it: membership changes, the periodic refresh, and reading the table.</summary>
internal sealed partial class LocalReminderService
{
    private async Task LoadInitialAsync(IReminderTable table, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.InitializationTimeout, TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        while (true)
        {
            try
            {
                await ReloadAsync(table, linked.Token);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                if (timeout.IsCancellationRequested)
                {
                    throw new TimeoutException(
                        $"Silo {_silo.SiloAddress} could not load its reminders within {nameof(Configuration.ReminderOptions)}.{nameof(Configuration.ReminderOptions.InitializationTimeout)} ({_options.InitializationTimeout}): {exception.Message}",
                        exception);
                }

                LogLoadFailed(Logger, exception, RetryDelay);
                await Task.Delay(RetryDelay, TimeProvider, linked.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task RunWorkerAsync(IReminderTable table, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    if (work.Key is { } key)
                    {
                        await ApplyChangeAsync(table, key, cancellationToken);
                    }
                    else
                    {
                        await ReloadAsync(table, cancellationToken);
                    }

                    work.Done?.TrySetResult();
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The one job fails (its caller sees why); the worker goes on, and a full re-read soon repairs what it missed.
                    LogWorkFailed(Logger, exception, work.Key?.ToString() ?? "every reminder of this silo", RetryDelay);
                    work.Done?.TrySetException(exception);
                    _ = RetryLaterAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Jobs left at the stop: their changes are in the table, and the next owner loads them from there.
            while (_work.Reader.TryRead(out var left))
            {
                left.Done?.TrySetResult();
            }
        }
    }

    private async Task WatchMembershipAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in _membership.WatchAsync(cancellationToken))
            {
                var ring = BuildRing(snapshot);
                if (!ring.HasSameSilos(Volatile.Read(ref _ring)))
                {
                    Volatile.Write(ref _ring, ring);
                    QueueReload();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshPeriodicallyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.RefreshReminderListPeriod, TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                QueueReload();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RetryLaterAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(RetryDelay, TimeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!cancellationToken.IsCancellationRequested)
        {
            QueueReload();
        }
    }

    /// <summary>Re-reads every reminder of this silo's ranges and makes the running timers match.</summary>
    private async Task ReloadAsync(IReminderTable table, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _reloadQueued, 0);
        var ring = Volatile.Read(ref _ring);
        var ranges = ring.RangesOf(_silo.SiloAddress);
        var rows = ranges.Count == 0 ? [] : await table.ReadRowsAsync(ranges, cancellationToken);
        if (!ReferenceEquals(ring, Volatile.Read(ref _ring)))
        {
            // The ring moved while reading; a reload for the new one is queued and will decide.
            return;
        }

        var wanted = new Dictionary<ReminderKey, ReminderEntry>();
        foreach (var row in rows)
        {
            if (_silo.SiloAddress.Equals(ring.Owner(row.GrainId)))
            {
                wanted[ReminderKey.Of(row)] = row;
            }
        }

        int started = 0, stopped = 0;
        lock (_lock)
        {
            foreach (var (key, reminder) in _running.ToArray())
            {
                if (!wanted.TryGetValue(key, out var row) || !string.Equals(row.ETag, reminder.Entry.ETag, StringComparison.Ordinal))
                {
                    StopLocked(key, reminder);
                    stopped++;
                }
            }

            foreach (var (key, row) in wanted)
            {
                if (!_running.ContainsKey(key))
                {
                    StartLocked(key, row);
                    started++;
                }
            }
        }

        LogLoaded(Logger, wanted.Count, ranges.Count, ring.Silos.Length, started, stopped);
    }

    /// <summary>Re-reads one reminder and starts, restarts or stops its timer; an unchanged version keeps its timer.</summary>
    private async Task ApplyChangeAsync(IReminderTable table, ReminderKey key, CancellationToken cancellationToken)
    {
        var row = await table.ReadRowAsync(key.GrainId, key.ReminderName, cancellationToken);
        var mine = row is not null && _silo.SiloAddress.Equals(Volatile.Read(ref _ring).Owner(row.GrainId));
        lock (_lock)
        {
            _running.TryGetValue(key, out var current);
            if (current is not null && (!mine || !string.Equals(current.Entry.ETag, row!.ETag, StringComparison.Ordinal)))
            {
                StopLocked(key, current);
                current = null;
            }

            if (mine && current is null)
            {
                StartLocked(key, row!);
            }
        }
    }

    private void StartLocked(ReminderKey key, ReminderEntry row)
    {
        var reminder = new LocalReminder(row, this, Runtime);
        _running[key] = reminder;
        Instruments.Active.Add(1);
        reminder.Start();
    }

    private void StopLocked(ReminderKey key, LocalReminder reminder)
    {
        _running.Remove(key);
        Instruments.Active.Add(-1);
        reminder.Dispose();
    }
}
