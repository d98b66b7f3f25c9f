namespace TgeSwarm.Runtime.Dashboard;

/// <summary>
/// The dashboard's own time source, apart from the host's <see cref="TimeProvider"/>: tests drive the sampling
/// with a fake clock while the silo under it keeps real time for membership and timeouts.
/// </summary>
internal sealed class DashboardClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
