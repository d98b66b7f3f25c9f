namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>A sample as it goes out: serialised once and shared by every connection.</summary>
internal sealed record PublishedSnapshot(long Version, byte[] Json);
