namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>
/// A sample as it goes out: serialised once and shared by every connection. <see cref="Sample"/> numbers the
/// sample by when it started (a sample that failed has a number too), so a caller can ask for one that started
/// after it arrived.
/// </summary>
internal sealed record PublishedSnapshot(long Version, long Sample, byte[] Json);
