namespace TgeSwarm.Feeds.Exchange.Recording;

/// <summary>A frame the recorder received on a connection, and when (UTC microseconds).</summary>
internal sealed record RecordedFrame(byte[] Data, long Micros);
