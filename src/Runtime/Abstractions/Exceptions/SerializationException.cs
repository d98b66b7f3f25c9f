namespace TgeSwarm.Runtime;

/// <summary>A codec failed to read or write a value (malformed or truncated data, an unknown type alias).</summary>
public sealed class SerializationException : SwarmException
{
    public SerializationException()
    {
    }

    public SerializationException(string message)
        : base(message)
    {
    }

    public SerializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
