namespace TgeSwarm.Runtime.Configuration;

/// <summary>
/// How an external client finds and keeps its gateways. The names and defaults follow Orleans' <c>GatewayOptions</c>
/// (refresh period) and its default connection retry filter (15 attempts, 1.5 s × attempt).
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>
    /// How often the client reads the gateway list again (from the membership table, or the static list) and connects
    /// to gateways it is not connected to. A gateway connection that fails also triggers a refresh at once. Default 1 min.
    /// </summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How many rounds of connecting to the gateways the client makes at start before the host's start fails with
    /// the gateways it tried and the last error. A round succeeds when one gateway accepts. Default 15.
    /// </summary>
    public int InitialConnectionAttempts { get; set; } = 15;

    /// <summary>
    /// The pause after failed round n is n × this (linear backoff); also the pace of reconnecting while no gateway is
    /// connected. Default 1.5 s.
    /// </summary>
    public TimeSpan ConnectionRetryBackoff { get; set; } = TimeSpan.FromSeconds(1.5);
}
