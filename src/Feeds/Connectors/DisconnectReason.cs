namespace TgeSwarm.Feeds.Connectors;

/// <summary>Why an open connection ended, as counted in <see cref="ConnectorStatistics.Disconnects"/>.</summary>
public enum DisconnectReason
{
    /// <summary>The venue sent a close frame.</summary>
    ServerClosed,

    /// <summary>The connection broke without a close frame: reset, protocol error, failed send.</summary>
    ConnectionLost,

    /// <summary>No frame arrived for <see cref="VenueConnectorOptions.SilenceTimeout"/>.</summary>
    Silence,

    /// <summary>The owner cancelled <see cref="VenueConnector.RunAsync"/>.</summary>
    Stopped,
}
