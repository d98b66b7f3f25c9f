namespace TgeSwarm.Silo.Telemetry;

/// <summary>
/// How the silo reports on itself beyond <c>/metrics</c> (section <c>Telemetry</c>): OTLP export of traces and
/// metrics to a collector, and JSON console logs for log shippers.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Where traces and metrics are exported; export is off while this is unset (the default).</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The <c>service.name</c> resource attribute. Default <c>tgeswarm-silo</c>.</summary>
    public string ServiceName { get; set; } = "tgeswarm-silo";

    /// <summary>One JSON object per log line on the console instead of the human-readable format. Default off.</summary>
    public bool JsonConsoleLogs { get; set; }
}

/// <summary>The OTLP exporter's settings (section <c>Telemetry:Otlp</c>).</summary>
internal sealed class OtlpOptions
{
    /// <summary>
    /// The collector's base address, e.g. <c>http://127.0.0.1:4318</c> for OTLP/HTTP (the signal paths
    /// <c>/v1/traces</c> and <c>/v1/metrics</c> are appended) or <c>http://127.0.0.1:4317</c> for gRPC. Default none.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary><c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
    public string Protocol { get; set; } = HttpProtobuf;

    /// <summary>Extra request headers, <c>name=value</c> pairs separated by commas (an API key for a hosted collector). Default none.</summary>
    public string? Headers { get; set; }

    /// <summary>How often metrics are pushed and finished spans sent in a batch. Default 10 s.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(10);

    public const string HttpProtobuf = "http/protobuf";

    public const string Grpc = "grpc";
}
