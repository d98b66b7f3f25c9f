namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>Takes one sample. A seam so the live-update machinery is tested without a cluster behind it.</summary>
internal interface ISnapshotSource
{
    ValueTask<DashboardSnapshot> SampleAsync(CancellationToken cancellationToken);
}
