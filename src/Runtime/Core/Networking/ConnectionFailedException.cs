namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// A connection could not be opened: nothing listening, unreachable, timed out (connect or handshake), or the
/// endpoint is in its retry delay after such a failure. Transient: a later attempt may succeed.
/// </summary>
internal sealed class ConnectionFailedException : SwarmException
{
    public ConnectionFailedException()
    {
    }

    public ConnectionFailedException(string message)
        : base(message)
    {
    }

    public ConnectionFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
