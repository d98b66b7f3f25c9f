namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>
/// What every open dashboard of a silo is shown at one sample: the cluster as the management API reports it, this
/// silo's rates, and the hosts' panels. <see cref="Problems"/> names any part that could not be sampled, so a
/// failing view shows why instead of going blank.
/// </summary>
internal sealed record DashboardSnapshot(
    long Version,
    DateTimeOffset At,
    string Title,
    SiloView Silo,
    IReadOnlyList<SiloView> Silos,
    IReadOnlyList<GrainTypeView> GrainTypes,
    CallView Calls,
    StreamView Streams,
    IReadOnlyList<LatencyView> Latencies,
    IReadOnlyList<PanelView> Panels,
    IReadOnlyList<string> Problems);
