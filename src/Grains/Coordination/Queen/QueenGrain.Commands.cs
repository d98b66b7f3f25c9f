using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>Spawn, stop and restart of one agent.</summary>
internal sealed partial class QueenGrain
{
    public async Task<AgentInfo> SpawnAsync(string type, string key, string configuration, ActionOrigin origin, CancellationToken cancellationToken)
    {
        var driver = drivers.Get(type);
        QueenInput.Key(key);
        QueenInput.Origin(origin);
        QueenInput.Configuration(configuration);
        var group = driver.GroupOf(key);
        var normalized = driver.Normalize(key, configuration);
        ThrowIfHalted();

        var now = time.GetUtcNow();
        if (State.Agents.TryGetValue(AgentRecord.IdOf(type, key), out var existing))
        {
            if (existing.Desired == AgentState.Running)
            {
                return existing.Configuration == normalized
                    ? ToInfo(existing)
                    : throw new AgentConflictException(
                        $"Agent {existing.Id} is registered running with another configuration; stop it first to spawn it with this one.");
            }
        }

        var record = existing ?? new AgentRecord { Type = type, Key = key, Group = group, Pipeline = driver.Info.Pipeline, CreatedAt = now };
        record.Configuration = normalized;
        record.Desired = AgentState.Running;
        record.Actual = AgentState.Pending;
        record.LastError = null;
        record.UpdatedAt = now;
        record.ResetHealth();
        State.Agents[record.Id] = record;
        await PersistAsync(cancellationToken);
        await EnsureReminderAsync();
        await StartAndRecordAsync(record, "spawn", origin, cancellationToken);
        return ToInfo(record);
    }

    public async Task<AgentInfo> StopAsync(string type, string key, ActionOrigin origin, CancellationToken cancellationToken)
    {
        drivers.Get(type);
        QueenInput.Origin(origin);
        var record = Find(type, key);
        record.Desired = AgentState.Stopped;
        record.UpdatedAt = time.GetUtcNow();
        record.ResetHealth();
        await PersistAsync(cancellationToken);

        var error = await StopAgentAsync(record, cancellationToken);
        Record(origin.Actor, "stop", record.Id, origin.Reason, error is null, error is null ? "stopped" : $"registered stopped; the stop failed ({error}), reconciliation retries it");
        await PersistAsync(cancellationToken);
        return ToInfo(record);
    }

    public async Task<AgentInfo> RestartAsync(string type, string key, ActionOrigin origin, CancellationToken cancellationToken)
    {
        drivers.Get(type);
        QueenInput.Origin(origin);
        var record = Find(type, key);
        ThrowIfHalted();
        if (IsPaused(record.Pipeline))
        {
            throw new AgentConflictException($"Pipeline {record.Pipeline} is paused; resume it before restarting {record.Id}.");
        }

        record.Desired = AgentState.Running;
        record.UpdatedAt = time.GetUtcNow();
        record.ResetHealth();
        await PersistAsync(cancellationToken);

        var error = await StopAgentAsync(record, cancellationToken);
        if (error is not null)
        {
            Record(origin.Actor, "restart", record.Id, origin.Reason, false, $"the stop failed ({error}); reconciliation starts it");
            await PersistAsync(cancellationToken);
            return ToInfo(record);
        }

        await StartAndRecordAsync(record, "restart", origin, cancellationToken);
        return ToInfo(record);
    }

    /// <summary>Starts a registered agent unless its pipeline is paused, and records the command with the outcome.</summary>
    private async Task StartAndRecordAsync(AgentRecord record, string action, ActionOrigin origin, CancellationToken cancellationToken)
    {
        if (IsPaused(record.Pipeline))
        {
            record.Actual = AgentState.Stopped;
            Record(origin.Actor, action, record.Id, origin.Reason, true, $"registered; not started while pipeline {record.Pipeline} is paused");
        }
        else
        {
            var error = await StartAgentAsync(record, cancellationToken);
            Record(origin.Actor, action, record.Id, origin.Reason, error is null, error is null ? "started" : $"registered; the start failed ({error}), the health monitor retries it");
        }

        await PersistAsync(cancellationToken);
    }
}
