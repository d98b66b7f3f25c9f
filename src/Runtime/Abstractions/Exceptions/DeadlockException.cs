namespace TgeSwarm.Runtime;

/// <summary>
/// A call would wait on itself: its target is busy in a turn that is, directly or through other grains, waiting
/// for this call. <see cref="CallChain"/> lists the grains in the cycle, outermost first. Derives from
/// <see cref="TimeoutException"/> because without detection the call would have timed out.
/// </summary>
public sealed class DeadlockException : TimeoutException
{
    public DeadlockException()
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
    }

    public DeadlockException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DeadlockException(string message, IReadOnlyList<GrainId> callChain)
        : base(message)
    {
        CallChain = callChain;
    }

    public IReadOnlyList<GrainId> CallChain { get; } = [];
}
