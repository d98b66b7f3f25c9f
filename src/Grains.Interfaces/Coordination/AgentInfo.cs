using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>One registered agent as the queen sees it.</summary>
/// <param name="Type">The agent type (<see cref="AgentTypeInfo.Type"/>), e.g. <c>ingestion</c>.</param>
/// <param name="Key">The agent grain's key, e.g. <c>binance#0</c>.</param>
/// <param name="Group">The shard group for sharded types (<c>binance</c> for <c>binance#0</c>); null otherwise.</param>
/// <param name="Pipeline">The pipeline the agent belongs to (<see cref="PipelineNames"/>).</param>
/// <param name="Configuration">The agent type's settings as normalised JSON text.</param>
/// <param name="DesiredState">What the queen aims for: Running or Stopped as commanded, Paused or Halted while its pipeline is paused or the swarm halted.</param>
/// <param name="ActualState">What the last status read found.</param>
/// <param name="Detail">The driver's own word for the actual state (an ingestion shard's <c>streaming</c>, <c>backoff</c>, …); null before the first read.</param>
/// <param name="Silo">The silo hosting the agent at the last status read.</param>
/// <param name="LastStatusAt">When the status was last read successfully (the agent's heartbeat as the queen sees it).</param>
/// <param name="RestartAttempts">Restarts the health monitor made since the agent was last seen running.</param>
/// <param name="CooldownUntil">Set after the last allowed restart: no restart before this time.</param>
/// <param name="Alerting">The health monitor gave up on it: it only raises alerts until an operator restarts it or it recovers.</param>
/// <param name="LastError">The last failure seen (a status read, a start, a stop), or null.</param>
/// <param name="CreatedAt">When it was first spawned.</param>
/// <param name="UpdatedAt">When its registration (configuration or desired state) last changed.</param>
[GenerateSerializer]
[Immutable]
public sealed record AgentInfo(
    [property: Id(0)] string Type,
    [property: Id(1)] string Key,
    [property: Id(2)] string? Group,
    [property: Id(3)] string Pipeline,
    [property: Id(4)] string Configuration,
    [property: Id(5)] AgentState DesiredState,
    [property: Id(6)] AgentState ActualState,
    [property: Id(7)] string? Detail,
    [property: Id(8)] string? Silo,
    [property: Id(9)] DateTimeOffset? LastStatusAt,
    [property: Id(10)] int RestartAttempts,
    [property: Id(11)] DateTimeOffset? CooldownUntil,
    [property: Id(12)] bool Alerting,
    [property: Id(13)] string? LastError,
    [property: Id(14)] DateTimeOffset CreatedAt,
    [property: Id(15)] DateTimeOffset UpdatedAt);
