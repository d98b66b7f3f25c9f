namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>
/// A command the queen's current state forbids: spawning a running agent with another configuration, or starting
/// anything while the swarm is halted (an API answers 409). Nothing was changed.
/// </summary>
public sealed class AgentConflictException : Exception
{
    public AgentConflictException()
    {
    }

    public AgentConflictException(string message)
        : base(message)
    {
    }

    public AgentConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
