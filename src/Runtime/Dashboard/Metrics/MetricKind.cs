namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>How an instrument's measurements are folded into a series, and which Prometheus type it becomes.</summary>
internal enum MetricKind
{
    /// <summary>Monotonic: measurements are added (Counter, or an ObservableCounter's reported total).</summary>
    Counter,

    /// <summary>Measurements are added and may go down (UpDownCounter): a Prometheus gauge.</summary>
    Sum,

    /// <summary>The last measurement wins (Gauge, ObservableGauge, ObservableUpDownCounter).</summary>
    LastValue,

    Histogram,
}
