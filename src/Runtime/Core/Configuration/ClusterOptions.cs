namespace TgeSwarm.Runtime.Configuration;

/// <summary>Names the cluster and the service whose data it owns.</summary>
public sealed class ClusterOptions
{
    public const string DefaultClusterId = "default";
    public const string DefaultServiceId = "default";

    /// <summary>
    /// The cluster's id: silos and clients with different ids never talk. A deployment gets a new one; the
    /// default is <c>default</c>.
    /// </summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>
    /// The service's id: it keys persisted data (grain state, reminders, streams), so it must stay the same
    /// across deployments. The default is <c>default</c>.
    /// </summary>
    public string ServiceId { get; set; } = DefaultServiceId;
}
