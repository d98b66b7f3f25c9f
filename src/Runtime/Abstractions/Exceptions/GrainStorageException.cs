namespace TgeSwarm.Runtime;

/// <summary>A grain storage provider failed to read, write or clear a state (outage, malformed record). The inner exception is the provider's.</summary>
public sealed class GrainStorageException : SwarmException
{
    public GrainStorageException()
    {
    }

    public GrainStorageException(string message)
        : base(message)
    {
    }

    public GrainStorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
