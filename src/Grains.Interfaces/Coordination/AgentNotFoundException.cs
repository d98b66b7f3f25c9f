namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>The queen has no agent registered under that type and key (an API answers 404).</summary>
public sealed class AgentNotFoundException : Exception
{
    public AgentNotFoundException()
    {
    }

    public AgentNotFoundException(string message)
        : base(message)
    {
    }

    public AgentNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public static AgentNotFoundException For(string type, string key) =>
        new($"No agent '{key}' of type '{type}' is registered; spawn it first.");
}
