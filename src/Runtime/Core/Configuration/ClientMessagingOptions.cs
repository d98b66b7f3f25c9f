namespace TgeSwarm.Runtime.Configuration;

/// <summary>Messaging settings of an external client.</summary>
public sealed class ClientMessagingOptions : MessagingOptions;
