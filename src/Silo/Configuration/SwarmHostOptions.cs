namespace TgeSwarm.Silo.Configuration;

/// <summary>
/// The <c>Swarm</c> configuration section: what makes one binary either the embedded default (one silo, in-process
/// membership, memory storage) or a member of a cluster whose membership and grain state live in PostgreSQL.
/// Environment variables reach it as <c>Swarm__SiloPort=11112</c>. The HTTP address is not here: it is ASP.NET
/// Core's own <c>Urls</c> (or <c>ASPNETCORE_URLS</c>, <c>--urls</c>).
/// </summary>
internal sealed class SwarmHostOptions
{
    public const string SectionName = "Swarm";

    /// <summary>The silo's name in logs and on the dashboard. Default: the runtime's (machine name and process id).</summary>
    public string? SiloName { get; set; }

    /// <summary>The TCP port for other silos and for clients (gateway). Default 11111; 0 picks a free port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The IP address other silos and clients reach this silo at. Default 127.0.0.1.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The cluster's id; silos with different ids never talk. Default: the runtime's (<c>default</c>).</summary>
    public string? ClusterId { get; set; }

    /// <summary>The id that keys persisted state; keep it across deployments. Default: the runtime's (<c>default</c>).</summary>
    public string? ServiceId { get; set; }

    /// <summary>
    /// The secret the cluster's silos and clients prove to each other when they connect. Required with
    /// <see cref="Postgres"/>: a cluster member listens for peers, and an unauthenticated cluster is refused here
    /// rather than merely warned about. Default none.
    /// </summary>
    public string? ClusterSecret { get; set; }

    /// <summary>
    /// A PostgreSQL connection string. When set the silo joins the cluster recorded in that database and keeps grain
    /// state there (storage <c>Default</c>); when absent it is the embedded default. Default none.
    /// </summary>
    public string? Postgres { get; set; }

    public bool IsClusterMember => !string.IsNullOrWhiteSpace(Postgres);
}
