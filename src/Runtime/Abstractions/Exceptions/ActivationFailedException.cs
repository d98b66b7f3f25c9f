namespace TgeSwarm.Runtime;

/// <summary>The grain could not be activated: loading its state or <c>OnActivateAsync</c> failed. The inner exception is the cause; the next call tries a new activation.</summary>
public sealed class ActivationFailedException : SwarmException
{
    public ActivationFailedException()
    {
    }

    public ActivationFailedException(string message)
        : base(message)
    {
    }

    public ActivationFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
