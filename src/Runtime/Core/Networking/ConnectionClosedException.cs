namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// A message was handed back because its connection closed before the message was (known to be) sent; the inner
/// exception is why the connection closed, if it failed.
/// </summary>
internal sealed class ConnectionClosedException : SwarmException
{
    public ConnectionClosedException()
    {
    }

    public ConnectionClosedException(string message)
        : base(message)
    {
    }

    public ConnectionClosedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTransient => true;
}
