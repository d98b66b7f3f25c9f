namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>An agent's state, desired (what the queen aims for) or actual (what its driver last read).</summary>
public enum AgentState
{
    /// <summary>Registered or starting, not yet seen running (e.g. an ingestion shard still connecting).</summary>
    Pending,

    /// <summary>Running as configured.</summary>
    Running,

    /// <summary>Stopped because its pipeline is paused.</summary>
    Paused,

    /// <summary>Stopped as asked.</summary>
    Stopped,

    /// <summary>Not running although it should (its status could not be read, or it reports a failure).</summary>
    Failed,

    /// <summary>Stopped by the halt switch.</summary>
    Halted,
}
