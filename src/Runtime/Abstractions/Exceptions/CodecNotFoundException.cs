namespace TgeSwarm.Runtime;

/// <summary>A value could not be serialized or copied: no codec is registered for its type.</summary>
public sealed class CodecNotFoundException : SwarmException
{
    public CodecNotFoundException()
    {
    }

    public CodecNotFoundException(string message)
        : base(message)
    {
    }

    public CodecNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
