namespace TgeSwarm.Runtime.Configuration;

/// <summary>Settings of the PostgreSQL membership table (<c>UsePostgresClustering</c>); validated when the host starts.</summary>
public sealed class PostgresClusteringOptions
{
    /// <summary>Npgsql connection string. Required; set by <c>UsePostgresClustering</c>. The cluster id comes from <see cref="ClusterOptions.ClusterId"/>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The wait before the change feed's first reconnect after its LISTEN connection failed; it doubles on each further
    /// failure up to <see cref="ListenReconnectMaxDelay"/>. Default 1 s.
    /// </summary>
    public TimeSpan ListenReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two reconnect attempts of the change feed. Default 30 s.</summary>
    public TimeSpan ListenReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the change feed's connection may stay silent before it sends a query to find out whether it still
    /// lives (a connection can die without the client noticing). Default 30 s.
    /// </summary>
    public TimeSpan ListenHealthCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
