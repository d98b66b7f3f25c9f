using System.Diagnostics;

namespace TgeSwarm.Runtime.Diagnostics;

/// <summary>Names under which the runtime publishes metrics and traces, for OpenTelemetry and <c>/metrics</c> listeners.</summary>
public static class SwarmDiagnostics
{
    /// <summary>The runtime's <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string MeterName = "TgeSwarm.Runtime";

    /// <summary>The runtime's <see cref="ActivitySource"/> name.</summary>
    public const string ActivitySourceName = "TgeSwarm.Runtime";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}
