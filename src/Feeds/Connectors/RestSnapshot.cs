namespace TgeSwarm.Feeds.Connectors;

/// <summary>A fetched REST book snapshot waiting for the socket loop, the only caller of the feed.</summary>
internal sealed record RestSnapshot(string Instrument, string Url, byte[] Body, long ReceivedAt);
