namespace TgeSwarm.Feeds.Connectors;

/// <summary>Where a <see cref="VenueConnector"/>'s loop is.</summary>
public enum ConnectorState
{
    /// <summary>Opening the WebSocket (also the state before <see cref="VenueConnector.RunAsync"/> starts).</summary>
    Connecting,

    /// <summary>Open; sending the subscribe messages.</summary>
    Subscribing,

    /// <summary>Subscribed and reading frames.</summary>
    Streaming,

    /// <summary>Disconnected or failed to connect; waiting before the next attempt.</summary>
    Backoff,

    /// <summary><see cref="VenueConnector.RunAsync"/> has returned.</summary>
    Stopped,
}
