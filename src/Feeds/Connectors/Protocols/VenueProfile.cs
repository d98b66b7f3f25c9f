namespace TgeSwarm.Feeds.Connectors.Protocols;

/// <summary>
/// What a venue allows and defaults to, in one row per venue (the protocol classes hold theirs), so the validator,
/// the defaults and the message builders cannot disagree.
/// </summary>
/// <param name="DefaultBookDepth">Used when <see cref="VenueConnectorOptions.BookDepth"/> is null.</param>
/// <param name="BookDepths">Accepted depths; empty when the depth cannot be chosen.</param>
/// <param name="TradeChannels">Accepted trade channels, the default first.</param>
/// <param name="PingInterval">Application ping period; zero when the venue has none.</param>
/// <param name="SilenceTimeout">No frame for this long: the connection is dead.</param>
/// <param name="InstrumentParts">How many dash-separated parts an instrument has (0: two or more).</param>
internal sealed record VenueProfile(
    Venue Venue,
    int DefaultBookDepth,
    int[] BookDepths,
    string[] TradeChannels,
    TimeSpan PingInterval,
    TimeSpan SilenceTimeout,
    int InstrumentParts,
    Func<ConnectorSettings, VenueProtocol> Create);
