using System.Globalization;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// Scaling a shard group: the group's task items go to shards <c>group#0..N-1</c> by rendezvous hashing, shards whose
/// items changed are (re)started with their new share, shards numbered N and above are stopped. Keys of the group
/// that are not <c>group#number</c> are left alone.
/// </summary>
internal sealed partial class QueenGrain
{
    public async Task<ScaleResult> ScaleAsync(
        string type, string group, int shards, string? configuration, ActionOrigin origin, CancellationToken cancellationToken)
    {
        var driver = drivers.Get(type);
        QueenInput.Origin(origin);
        if (!driver.Info.Sharded)
        {
            throw new CoordinationArgumentException($"Agent type '{type}' is not sharded; scale applies to {string.Join(", ", drivers.Types.Where(static t => t.Sharded).Select(static t => t.Type))}.", "type");
        }

        if (string.IsNullOrWhiteSpace(group) || group.Length > QueenInput.MaxKeyLength || driver.GroupOf(driver.ShardKey(group, 0)) != group)
        {
            throw new CoordinationArgumentException($"Group '{group}' cannot name shards of type '{type}'.", "group");
        }

        if (shards < 1 || shards > _options.MaxShards)
        {
            throw new CoordinationArgumentException($"Shards must be between 1 and {_options.MaxShards}, not {shards}.", "shards");
        }

        var template = TemplateOf(driver, type, group, configuration);
        var items = driver.TaskItemsOf(template).Distinct(StringComparer.Ordinal).ToList();
        if (shards > items.Count)
        {
            throw new CoordinationArgumentException($"Group {type}/{group} has {items.Count} {driver.Info.TaskItems}; it cannot keep {shards} shards busy.", "shards");
        }

        ThrowIfHalted();
        var keys = Enumerable.Range(0, shards).Select(i => driver.ShardKey(group, i)).ToList();
        var assignment = RendezvousHashing.Assign(items, keys);
        var previous = PreviousAssignment(driver, type, group);
        var moved = assignment.Count(a => previous.TryGetValue(a.Key, out var before) && before != a.Value);

        // Every shard's configuration is built (and checked) before anything changes.
        var shares = keys.ToDictionary(
            key => key,
            key => driver.Normalize(key, driver.WithTaskItems(template, [.. assignment.Where(a => a.Value == key).Select(static a => a.Key)])),
            StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var toStart = new List<AgentRecord>();
        foreach (var key in keys)
        {
            var shardConfiguration = shares[key];
            var id = AgentRecord.IdOf(type, key);
            if (State.Agents.TryGetValue(id, out var existing) && existing.Desired == AgentState.Running && existing.Configuration == shardConfiguration)
            {
                continue;
            }

            var record = existing ?? new AgentRecord { Type = type, Key = key, Group = group, Pipeline = driver.Info.Pipeline, CreatedAt = now };
            record.Configuration = shardConfiguration;
            record.Desired = AgentState.Running;
            record.Actual = AgentState.Pending;
            record.UpdatedAt = now;
            record.ResetHealth();
            State.Agents[id] = record;
            toStart.Add(record);
        }

        var toStop = State.Agents.Values
            .Where(r => r.Type == type && r.Group == group && r.Desired == AgentState.Running && ShardIndex(r.Key, group) >= shards)
            .OrderBy(static r => r.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var record in toStop)
        {
            record.Desired = AgentState.Stopped;
            record.UpdatedAt = now;
            record.ResetHealth();
        }

        State.Groups[GroupRecord.IdOf(type, group)] = new GroupRecord
        {
            Type = type,
            Group = group,
            Shards = shards,
            Template = template,
            Assignments = assignment.ToDictionary(static a => a.Key, static a => a.Value, StringComparer.Ordinal),
        };
        await PersistAsync(cancellationToken);
        await EnsureReminderAsync();

        // Stops first, so an item moving between shards is not read twice for longer than it takes to start its new shard.
        var failures = new List<string>();
        var paused = IsPaused(driver.Info.Pipeline);
        foreach (var record in toStop)
        {
            if (await StopAgentAsync(record, cancellationToken) is { } error)
            {
                failures.Add($"{record.Key}: stop failed ({error})");
            }
        }

        foreach (var record in toStart)
        {
            if (paused)
            {
                record.Actual = AgentState.Stopped;
            }
            else if (await StartAgentAsync(record, cancellationToken) is { } error)
            {
                failures.Add($"{record.Key}: start failed ({error})");
            }
        }

        var outcome = $"{shards} shards over {items.Count} {driver.Info.TaskItems}, {moved} moved; started [{string.Join(", ", toStart.Select(static r => r.Key))}], stopped [{string.Join(", ", toStop.Select(static r => r.Key))}]"
            + (paused ? $"; pipeline {driver.Info.Pipeline} is paused, nothing started" : "")
            + (failures.Count > 0 ? $"; {string.Join("; ", failures)}" : "");
        Record(origin.Actor, "scale", GroupRecord.IdOf(type, group), origin.Reason, failures.Count == 0, outcome);
        await PersistAsync(cancellationToken);

        return new ScaleResult(
            ToTaskGroup(State.Groups[GroupRecord.IdOf(type, group)]),
            moved,
            [.. toStart.Select(static r => r.Key)],
            [.. toStop.Select(static r => r.Key)]);
    }

    /// <summary>The template given, else the last scale's, else one built from the group's registered shards.</summary>
    private string TemplateOf(IAgentDriver driver, string type, string group, string? configuration)
    {
        if (configuration is not null)
        {
            QueenInput.Configuration(configuration);
            return driver.Normalize(driver.ShardKey(group, 0), configuration);
        }

        if (State.Groups.TryGetValue(GroupRecord.IdOf(type, group), out var known))
        {
            return known.Template;
        }

        var members = GroupMembers(type, group).ToList();
        if (members.Count == 0)
        {
            throw new CoordinationArgumentException($"Group {type}/{group} has no shards yet; give a configuration listing all its {driver.Info.TaskItems}.", "configuration");
        }

        return driver.Combine([.. members.Select(static r => r.Configuration)]);
    }

    private Dictionary<string, string> PreviousAssignment(IAgentDriver driver, string type, string group)
    {
        if (State.Groups.TryGetValue(GroupRecord.IdOf(type, group), out var known))
        {
            return known.Assignments;
        }

        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in GroupMembers(type, group))
        {
            foreach (var item in driver.TaskItemsOf(record.Configuration))
            {
                previous.TryAdd(item, record.Key);
            }
        }

        return previous;
    }

    private IEnumerable<AgentRecord> GroupMembers(string type, string group) =>
        State.Agents.Values
            .Where(r => r.Type == type && r.Group == group && r.Desired == AgentState.Running)
            .OrderBy(static r => r.Key, StringComparer.Ordinal);

    /// <summary>The n of <c>group#n</c>; -1 for other keys of the group, which scaling leaves alone.</summary>
    private static int ShardIndex(string key, string group) =>
        key.Length > group.Length + 1 && int.TryParse(key.AsSpan(group.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
}
