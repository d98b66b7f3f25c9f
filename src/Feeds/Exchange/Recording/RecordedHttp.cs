namespace TgeSwarm.Feeds.Exchange.Recording;

/// <summary>A REST response the recorder fetched: its URL, body and time (UTC microseconds).</summary>
internal sealed record RecordedHttp(Uri Url, byte[] Body, long Micros);
