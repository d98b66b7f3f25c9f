namespace TgeSwarm.Runtime;

/// <summary>A storage write was refused because the stored record changed since this activation read it (its ETag no longer matches). The activation that let it escape is deactivated, so the next call reloads the state.</summary>
public sealed class InconsistentStateException : SwarmException
{
    public InconsistentStateException()
    {
    }

    public InconsistentStateException(string message)
        : base(message)
    {
    }

    public InconsistentStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
