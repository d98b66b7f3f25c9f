namespace TgeSwarm.Runtime;

/// <summary>The target activation's mailbox is full; the request was not queued. Back off and retry.</summary>
public sealed class ActivationOverloadedException : SwarmException
{
    public ActivationOverloadedException()
    {
    }

    public ActivationOverloadedException(string message)
        : base(message)
    {
    }

    public ActivationOverloadedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
