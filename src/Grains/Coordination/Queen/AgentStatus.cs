using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>What a driver read of one agent: its state in the queen's terms, the agent's own word for it, and where it runs.</summary>
internal sealed record AgentStatus(AgentState State, string Detail, string? Silo);
