namespace TgeSwarm.Runtime.Networking;

/// <summary>Event ids of the transport's log messages (range 300–349), in one place so they stay unique and greppable.</summary>
internal static class NetworkingEventIds
{
    public const int ListenerStarted = 300;
    public const int ListenerStopped = 301;
    public const int ClusterUnauthenticated = 302;
    public const int AcceptFailed = 303;

    public const int ConnectionOpened = 310;
    public const int ConnectionClosed = 311;
    public const int ConnectionFailed = 312;
    public const int IncomingFrameTooLarge = 313;
    public const int OutgoingFrameTooLarge = 314;
    public const int MessageWriteFailed = 315;
    public const int FrameHandlerFailed = 316;

    public const int HandshakeRefused = 320;
    public const int HandshakeRefusedByPeer = 321;
    public const int HandshakeFailed = 322;

    public const int ConnectFailed = 330;
    public const int ConnectRetryDelayed = 331;
}
