namespace TgeSwarm.Runtime;

/// <summary>The silo hosting the target failed, or stopped, while the call was in flight. Whether the grain ran the call is unknown.</summary>
public sealed class SiloUnavailableException : SwarmException
{
    public SiloUnavailableException()
    {
    }

    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    public SiloUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
