using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>The reconciliation pass and the health monitor (see the class comment in QueenGrain.cs).</summary>
internal sealed partial class QueenGrain
{
    public Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken) => ReconcilePassAsync(cancellationToken);

    // While the process stops, its hosts stop their agents on purpose and every call is slow: a pass then would
    // "heal" agents into a stopping silo, each start waiting out its budget, and hold the silo's stop for minutes.
    // So no pass starts once stopping has begun, and a pass in flight ends; the queen's next activation resumes.
    private async Task ReconcileTickAsync(CancellationToken cancellationToken)
    {
        if (State.Agents.Count == 0 || _hostStopping.IsCancellationRequested)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _hostStopping);
        try
        {
            await ReconcilePassAsync(linked.Token);
        }
        catch (OperationCanceledException) when (_hostStopping.IsCancellationRequested)
        {
            Log.PassCutByStop(logger);
        }
    }

    private async Task<ReconcileReport> ReconcilePassAsync(CancellationToken cancellationToken)
    {
        var records = AgentsOrdered().ToList();
        var before = records.Select(Observed).ToList();

        // Reads fan out: one slow agent costs the pass one status timeout, not one per agent. An agent that should not
        // run and was stopped is not read: a read would activate it, and a stopped agent has nothing to bring it back.
        var read = records.Where(r => EffectiveDesired(r) == AgentState.Running || r.Actual != AgentState.Stopped).ToList();
        await Task.WhenAll(read.Select(r => ReadStatusAsync(r, cancellationToken)));

        int started = 0, stopped = 0, alerts = 0;
        foreach (var record in records)
        {
            var desired = EffectiveDesired(record);
            if (desired != AgentState.Running)
            {
                if (record.Actual != AgentState.Stopped)
                {
                    var error = await StopAgentAsync(record, cancellationToken);
                    Record(SelfActor, "stop", record.Id, $"desired {desired}, found {record.Detail ?? record.Actual.ToString()}", error is null, error ?? "stopped");
                    stopped++;
                }

                continue;
            }

            switch (record.Actual)
            {
                case AgentState.Running:
                    if (record.RestartAttempts > 0 || record.Alerting || record.CooldownUntil is not null)
                    {
                        Record(SelfActor, "recovered", record.Id, $"running on {record.Silo}", true, $"running again after {record.RestartAttempts} restarts");
                        Log.Recovered(logger, record.Id, record.RestartAttempts);
                        record.ResetHealth();
                    }

                    break;
                case AgentState.Stopped or AgentState.Failed:
                    var (restarted, alerted) = await HealAsync(record, cancellationToken);
                    started += restarted ? 1 : 0;
                    alerts += alerted ? 1 : 0;
                    break;
            }
        }

        var now = time.GetUtcNow();
        State.LastReconciledAt = now;

        // Status times alone change every pass; the state is written when anything else did, so an idle swarm's queen
        // does not rewrite its log every few seconds.
        if (started + stopped + alerts > 0 || !records.Select(Observed).SequenceEqual(before))
        {
            await PersistAsync(cancellationToken);
        }

        instruments.Observed(BuildHealth());
        return new ReconcileReport(now, read.Count, started, stopped, alerts);
    }

    /// <summary>One step of the restart policy for an agent that should run but does not: restart, cooldown, or alert.</summary>
    private async Task<(bool Restarted, bool Alerted)> HealAsync(AgentRecord record, CancellationToken cancellationToken)
    {
        if (record.Alerting)
        {
            return (false, false);
        }

        var now = time.GetUtcNow();
        var found = record.LastError is { } lastError ? $"{record.Detail ?? record.Actual.ToString()}: {lastError}" : record.Detail ?? record.Actual.ToString();
        if (record.CooldownUntil is { } until)
        {
            if (now < until)
            {
                return (false, false);
            }

            record.Alerting = true;
            Record(SelfActor, "alert", record.Id, $"still {found} after {record.RestartAttempts} restarts and the cooldown", false, "given up: alerts only until an operator restarts it or it recovers");
            Log.Alert(logger, record.Id, record.RestartAttempts, found);
            return (false, true);
        }

        if (record.RestartAttempts >= _options.MaxRestartAttempts)
        {
            record.CooldownUntil = now + _options.RestartCooldown;
            Record(SelfActor, "cooldown", record.Id, $"still {found} after {record.RestartAttempts} restarts", false, $"no restart before {record.CooldownUntil:u}");
            Log.Cooldown(logger, record.Id, record.RestartAttempts, record.CooldownUntil.Value);
            return (false, true);
        }

        record.RestartAttempts++;
        var reason = $"desired Running, found {found}; attempt {record.RestartAttempts} of {_options.MaxRestartAttempts}";

        // A failed agent may still hold a broken connection: stop before starting, as an operator's restart does.
        var error = record.Actual == AgentState.Failed ? await StopAgentAsync(record, cancellationToken) : null;
        error ??= await StartAgentAsync(record, cancellationToken);
        Record(SelfActor, "heal", record.Id, reason, error is null, error is null ? "restarted" : $"restart failed ({error})");
        return (true, false);
    }

    private static (AgentState, string?, string?, int, bool, DateTimeOffset?, string?) Observed(AgentRecord r) =>
        (r.Actual, r.Detail, r.Silo, r.RestartAttempts, r.Alerting, r.CooldownUntil, r.LastError);
}
