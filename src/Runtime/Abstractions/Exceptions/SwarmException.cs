namespace TgeSwarm.Runtime;

/// <summary>
/// Root of the runtime's own exceptions. <see cref="IsTransient"/> says whether the same call may succeed if
/// retried (the runtime itself never retries: calls are at most once).
/// </summary>
public class SwarmException : Exception
{
    public SwarmException()
    {
    }

    public SwarmException(string message)
        : base(message)
    {
    }

    public SwarmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public virtual bool IsTransient => false;
}
