namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>
/// A memory write or removal named a version that is not the entry's current one (an API answers 409); nothing was
/// changed. Read the entry again and retry with its version.
/// </summary>
public sealed class MemoryVersionConflictException : Exception
{
    public MemoryVersionConflictException()
    {
    }

    public MemoryVersionConflictException(string message)
        : base(message)
    {
    }

    public MemoryVersionConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
