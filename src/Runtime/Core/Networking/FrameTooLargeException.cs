namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// A frame exceeded <c>ConnectionOptions.MaxFrameSize</c>. Outgoing: that message alone failed and was not sent.
/// Incoming: the connection was closed.
/// </summary>
internal sealed class FrameTooLargeException : SwarmException
{
    public FrameTooLargeException()
    {
    }

    public FrameTooLargeException(string message)
        : base(message)
    {
    }

    public FrameTooLargeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
