namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>
/// Reads what the silo's metrics listener has aggregated so far, for views that need a figure without parsing
/// <c>/metrics</c> (a host's dashboard panels turn totals into rates).
/// </summary>
public interface ISwarmMetricsReader
{
    /// <summary>
    /// Every series of the instrument named <paramref name="instrumentName"/> (e.g. <c>swarm.market.events</c>) on
    /// this silo: a counter's total, an up-down counter's or gauge's current value, a histogram's count. Empty when
    /// no such instrument has reported.
    /// </summary>
    IReadOnlyList<SwarmMetricValue> Read(string instrumentName);
}
