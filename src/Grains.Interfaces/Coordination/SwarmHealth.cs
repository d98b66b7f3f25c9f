using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>The swarm at a glance, as of the last reconciliation pass.</summary>
/// <param name="Status">Healthy: every agent in its desired state; Degraded: some are not; Halted: the kill switch is on.</param>
/// <param name="Halt">The halt in force, or null.</param>
/// <param name="Pipelines">Every pipeline, paused or not.</param>
/// <param name="Agents">Registered agents.</param>
/// <param name="ByState">Agents per actual state; states with none are left out.</param>
/// <param name="Unconverged">Agents whose actual state differs from the desired one, as <c>type/key</c>.</param>
/// <param name="Alerting">Agents the health monitor gave up on, as <c>type/key</c>.</param>
/// <param name="LastReconciledAt">When the last pass ended; null before the first.</param>
[GenerateSerializer]
[Immutable]
public sealed record SwarmHealth(
    [property: Id(0)] SwarmStatus Status,
    [property: Id(1)] HaltInfo? Halt,
    [property: Id(2)] IReadOnlyList<PipelineStatus> Pipelines,
    [property: Id(3)] int Agents,
    [property: Id(4)] IReadOnlyList<AgentStateCount> ByState,
    [property: Id(5)] IReadOnlyList<string> Unconverged,
    [property: Id(6)] IReadOnlyList<string> Alerting,
    [property: Id(7)] DateTimeOffset? LastReconciledAt);
