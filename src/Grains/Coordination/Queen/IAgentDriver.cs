using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>
/// How the queen drives one agent type: checks and normalises configurations, starts, stops and reads agents, and
/// (for sharded types) splits a group's task items over shards. One implementation per agent type, registered in DI
/// (<c>services.AddSingleton&lt;IAgentDriver, …&gt;()</c>); the queen knows agent types only through their drivers.
/// Bad keys and configurations fail with <see cref="CoordinationArgumentException"/> naming <c>key</c> or <c>configuration</c>.
/// </summary>
internal interface IAgentDriver
{
    AgentTypeInfo Info { get; }

    /// <summary>The shard group of a key (<c>binance</c> for <c>binance#0</c>), null for an unsharded type; throws for a key the type does not accept.</summary>
    string? GroupOf(string key);

    /// <summary>The key of shard <paramref name="index"/> of <paramref name="group"/>.</summary>
    string ShardKey(string group, int index);

    /// <summary>Validates <paramref name="configuration"/> for <paramref name="key"/> and returns it as canonical JSON (equal settings, equal text).</summary>
    string Normalize(string key, string configuration);

    /// <summary>The task items a configuration holds (an ingestion shard's instruments, a scraper's source ids).</summary>
    IReadOnlyList<string> TaskItemsOf(string configuration);

    /// <summary>The configuration with its task items replaced.</summary>
    string WithTaskItems(string configuration, IReadOnlyList<string> items);

    /// <summary>
    /// One configuration holding the task items of all <paramref name="configurations"/> (at least one): the template
    /// of a group built from its shards, which <see cref="WithTaskItems"/> can split again without losing an item's
    /// settings. Sharded types only.
    /// </summary>
    string Combine(IReadOnlyList<string> configurations);

    Task StartAsync(IGrainFactory grains, string key, string configuration, CancellationToken cancellationToken);

    Task StopAsync(IGrainFactory grains, string key, CancellationToken cancellationToken);

    Task<AgentStatus> GetStatusAsync(IGrainFactory grains, string key, CancellationToken cancellationToken);
}
