using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>
/// The swarm's coordinator: a registry of agents (type + key) with their configuration and desired state, a
/// reconciliation loop that drives each agent's actual state towards the desired one through the agent type's driver,
/// a health monitor that restarts failed agents, task distribution over shards by rendezvous hashing, pipeline pause,
/// and the halt switch. State (registry, assignments, action log) is persisted; every command is recorded with its
/// actor, reason and outcome.
/// </summary>
/// <remarks>
/// A singleton: always address it with <see cref="SingletonKey"/> (<c>GetGrain&lt;IQueenGrain&gt;(IQueenGrain.SingletonKey)</c>).
/// Every command either applies completely or changes nothing. Bad input fails with <see cref="ArgumentException"/>
/// whose <see cref="ArgumentException.ParamName"/> names the field (it survives remote calls as
/// <see cref="CoordinationArgumentException"/>); an unknown agent with <see cref="AgentNotFoundException"/>; a command
/// the current state forbids (conflicting configuration, a halted swarm) with <see cref="AgentConflictException"/>.
/// </remarks>
public interface IQueenGrain : IGrainWithIntegerKey
{
    /// <summary>The one key the queen lives under.</summary>
    const long SingletonKey = 0;

    /// <summary>The agent types the queen can drive (e.g. <c>ingestion</c>), with their pipeline.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AgentTypeInfo>> GetAgentTypesAsync(CancellationToken cancellationToken);

    /// <summary>Every registered agent, or those of <paramref name="type"/> when given, ordered by type then key.</summary>
    [ReadOnly]
    Task<IReadOnlyList<AgentInfo>> ListAgentsAsync(string? type, CancellationToken cancellationToken);

    /// <summary>One agent; <see cref="AgentNotFoundException"/> when it is not registered.</summary>
    [ReadOnly]
    Task<AgentInfo> GetAgentAsync(string type, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Registers an agent with its configuration (JSON text, the agent type's settings) and starts it. Spawning a
    /// running agent with the same configuration changes nothing and returns it; with a different configuration it
    /// fails with <see cref="AgentConflictException"/> (stop it first). A stopped agent takes the new configuration.
    /// </summary>
    Task<AgentInfo> SpawnAsync(string type, string key, string configuration, ActionOrigin origin, CancellationToken cancellationToken);

    /// <summary>Sets the agent's desired state to stopped and stops it; it stays registered (spawn starts it again).</summary>
    Task<AgentInfo> StopAsync(string type, string key, ActionOrigin origin, CancellationToken cancellationToken);

    /// <summary>Stops and starts the agent with its configuration, and clears its restart attempts, cooldown and alert.</summary>
    Task<AgentInfo> RestartAsync(string type, string key, ActionOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// Scales a sharded agent type's group (e.g. type <c>ingestion</c>, group <c>binance</c>) to
    /// <paramref name="shards"/> shards keyed <c>group#0..N-1</c>: the group's task items (symbols) are assigned to
    /// shards by rendezvous hashing, so going from N to N±1 moves only the items that must move; shards beyond N
    /// are stopped. <paramref name="configuration"/> is the group's template (the agent type's settings listing every
    /// item); null keeps the template of the previous scale, or builds it from the group's registered shards.
    /// </summary>
    Task<ScaleResult> ScaleAsync(string type, string group, int shards, string? configuration, ActionOrigin origin, CancellationToken cancellationToken);

    /// <summary>Pauses a pipeline (<see cref="PipelineNames"/>): its agents are stopped until it is resumed; desired states are kept.</summary>
    Task<PipelineStatus> PauseAsync(string pipeline, ActionOrigin origin, CancellationToken cancellationToken);

    /// <summary>Resumes a pipeline; when the swarm is halted this also lifts the halt (other pipelines stay paused).</summary>
    Task<PipelineStatus> ResumeAsync(string pipeline, ActionOrigin origin, CancellationToken cancellationToken);

    /// <summary>
    /// The kill switch: pauses every pipeline and stops every agent, recording the reason (required in
    /// <paramref name="origin"/>). Nothing starts again, by command or by the health monitor, until a pipeline is resumed.
    /// </summary>
    Task<SwarmHealth> HaltAsync(ActionOrigin origin, CancellationToken cancellationToken);

    /// <summary>Which task items (symbols, sources) each shard of each group holds.</summary>
    [ReadOnly]
    Task<IReadOnlyList<TaskGroup>> GetTaskDistributionAsync(CancellationToken cancellationToken);

    /// <summary>The action log, newest first; <paramref name="before"/> pages back from an <see cref="QueenAction.Id"/>.</summary>
    [ReadOnly]
    Task<QueenActionPage> GetActionsAsync(int limit, long? before, CancellationToken cancellationToken);

    /// <summary>Counts per state, pipelines, halt and the agents the health monitor gave up on.</summary>
    [ReadOnly]
    Task<SwarmHealth> GetHealthAsync(CancellationToken cancellationToken);

    /// <summary>Runs one reconciliation pass now (the timer runs one every <c>Coordination:Queen:ReconcileInterval</c>).</summary>
    Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken);
}
