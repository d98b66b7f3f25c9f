using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>The read side: agents, task distribution, action log and health, all from the registry in memory.</summary>
internal sealed partial class QueenGrain
{
    public Task<IReadOnlyList<AgentTypeInfo>> GetAgentTypesAsync(CancellationToken cancellationToken) => Task.FromResult(drivers.Types);

    public Task<IReadOnlyList<AgentInfo>> ListAgentsAsync(string? type, CancellationToken cancellationToken)
    {
        if (type is not null)
        {
            drivers.Get(type);
        }

        IReadOnlyList<AgentInfo> agents = [.. AgentsOrdered().Where(r => type is null || r.Type == type).Select(ToInfo)];
        return Task.FromResult(agents);
    }

    public Task<AgentInfo> GetAgentAsync(string type, string key, CancellationToken cancellationToken)
    {
        drivers.Get(type);
        return Task.FromResult(ToInfo(Find(type, key)));
    }

    public Task<IReadOnlyList<TaskGroup>> GetTaskDistributionAsync(CancellationToken cancellationToken)
    {
        var groups = new List<TaskGroup>();
        foreach (var (type, group) in State.Agents.Values.Where(static r => r.Group is not null).Select(static r => (r.Type, Group: r.Group!)).Distinct().Order())
        {
            if (State.Groups.TryGetValue(GroupRecord.IdOf(type, group), out var scaled))
            {
                groups.Add(ToTaskGroup(scaled));
            }
            else if (drivers.TryGet(type, out var driver))
            {
                // A group never scaled: its assignment is whatever its running shards were spawned with.
                var members = GroupMembers(type, group).ToList();
                if (members.Count == 0)
                {
                    continue;
                }

                var assignments = members
                    .SelectMany(r => driver.TaskItemsOf(r.Configuration).Select(item => new TaskAssignment(item, r.Key)))
                    .OrderBy(static a => a.Item, StringComparer.Ordinal)
                    .ThenBy(static a => a.Key, StringComparer.Ordinal)
                    .ToList();
                groups.Add(new TaskGroup(type, group, members.Count, assignments));
            }
        }

        return Task.FromResult<IReadOnlyList<TaskGroup>>(groups);
    }

    public Task<QueenActionPage> GetActionsAsync(int limit, long? before, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1_000)
        {
            throw new CoordinationArgumentException($"Limit must be between 1 and 1000, not {limit}.", "limit");
        }

        var older = State.Actions.Where(a => before is null || a.Id < before).Reverse().Take(limit + 1).ToList();
        var page = older.Take(limit).ToList();
        return Task.FromResult(new QueenActionPage(page, older.Count > limit ? page[^1].Id : null));
    }

    public Task<SwarmHealth> GetHealthAsync(CancellationToken cancellationToken) => Task.FromResult(BuildHealth());

    private SwarmHealth BuildHealth()
    {
        var agents = AgentsOrdered().Select(ToInfo).ToList();
        var unconverged = agents.Where(static a => a.ActualState != a.DesiredState).Select(static a => $"{a.Type}/{a.Key}").ToList();
        var alerting = agents.Where(static a => a.Alerting).Select(static a => $"{a.Type}/{a.Key}").ToList();
        var status = State.Halt is not null ? SwarmStatus.Halted
            : unconverged.Count > 0 || alerting.Count > 0 ? SwarmStatus.Degraded
            : SwarmStatus.Healthy;
        return new SwarmHealth(
            status,
            State.Halt,
            [.. PipelineNames.All.Select(ToPipelineStatus)],
            agents.Count,
            [.. agents.GroupBy(static a => a.ActualState).OrderBy(static g => g.Key).Select(static g => new AgentStateCount(g.Key, g.Count()))],
            unconverged,
            alerting,
            State.LastReconciledAt);
    }

    private AgentInfo ToInfo(AgentRecord record)
    {
        var desired = EffectiveDesired(record);

        // A stopped agent of a paused pipeline or a halted swarm is where it should be; show why it is stopped.
        var actual = record.Actual == AgentState.Stopped && desired is AgentState.Paused or AgentState.Halted ? desired : record.Actual;
        return new AgentInfo(
            record.Type,
            record.Key,
            record.Group,
            record.Pipeline,
            record.Configuration,
            desired,
            actual,
            record.Detail,
            record.Silo,
            record.LastStatusAt,
            record.RestartAttempts,
            record.CooldownUntil,
            record.Alerting,
            record.LastError,
            record.CreatedAt,
            record.UpdatedAt);
    }

    private PipelineStatus ToPipelineStatus(string pipeline)
    {
        var agents = State.Agents.Values.Count(r => r.Pipeline == pipeline);
        return State.Pipelines.TryGetValue(pipeline, out var record)
            ? new PipelineStatus(pipeline, record.Paused || State.Halt is not null, record.ChangedAt, record.ChangedBy, record.Reason, agents)
            : new PipelineStatus(pipeline, State.Halt is not null, null, null, null, agents);
    }

    private static TaskGroup ToTaskGroup(GroupRecord group) => new(
        group.Type,
        group.Group,
        group.Shards,
        [.. group.Assignments.OrderBy(static a => a.Key, StringComparer.Ordinal).Select(static a => new TaskAssignment(a.Key, a.Value))]);
}
