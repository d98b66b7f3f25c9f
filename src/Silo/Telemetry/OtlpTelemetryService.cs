using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Silo.Telemetry;

/// <summary>
/// Exports the silo's traces and metrics over OTLP while the host runs: the runtime's and the agents' meters and
/// activity sources (all named <c>TgeSwarm.*</c>) and ASP.NET Core's requests. Stopping flushes what is buffered,
/// so the last interval is not lost on a clean shutdown.
/// </summary>
internal sealed partial class OtlpTelemetryService(
    IOptions<TelemetryOptions> options, ILocalSiloDetails silo, ILogger<OtlpTelemetryService> logger) : IHostedService, IDisposable
{
    // Wildcards: every TgeSwarm meter and source, present and future (Runtime, Market, Tge, caches, ...).
    private static readonly string[] Meters = ["TgeSwarm.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime"];
    private static readonly string[] Sources = ["TgeSwarm.*", "Microsoft.AspNetCore"];

    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var otlp = settings.Otlp;
        if (otlp.Endpoint is not { } endpoint)
        {
            return Task.CompletedTask;
        }

        var interval = (int)otlp.ExportInterval.TotalMilliseconds;
        var resource = ResourceBuilder.CreateDefault().AddService(settings.ServiceName, serviceInstanceId: silo.Name);
        _tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(Sources)
            .AddOtlpExporter(exporter =>
            {
                Configure(exporter, otlp, endpoint, "v1/traces");
                exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = interval;
            })
            .Build();
        _metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(Meters)
            .AddOtlpExporter((exporter, reader) =>
            {
                Configure(exporter, otlp, endpoint, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
            })
            .Build();
        Log.Exporting(logger, endpoint, otlp.Protocol, otlp.ExportInterval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Flushing blocks on the exporter's HTTP calls: bounded by what the host allows for stopping.
        var timeout = (int)Math.Clamp(options.Value.Otlp.ExportInterval.TotalMilliseconds, 1_000, 5_000);
        _tracing?.ForceFlush(timeout);
        _metrics?.ForceFlush(timeout);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracing?.Dispose();
        _metrics?.Dispose();
    }

    // OTLP/HTTP takes the full URL of each signal when the endpoint is set in code; gRPC takes the base address.
    private static void Configure(OtlpExporterOptions exporter, OtlpOptions otlp, Uri endpoint, string signalPath)
    {
        if (otlp.Protocol == OtlpOptions.Grpc)
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = endpoint;
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
        }

        exporter.Headers = otlp.Headers;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "Exporting traces and metrics over OTLP to {Endpoint} ({Protocol}, every {Interval})")]
        public static partial void Exporting(ILogger logger, Uri endpoint, string protocol, TimeSpan interval);
    }
}
