using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Silo.Tests.Telemetry;

public sealed class OtlpExportTests
{
    private const string AdminKey = "tgs_otlp-test-admin-key-0123456789abcdefghijklmn";

    [Fact]
    public async Task With_an_endpoint_the_silo_exports_grain_call_spans_and_runtime_metrics_over_otlp_http()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var factory = new Factory(receiver.BaseAddress);
        using var http = factory.CreateClient();
        var api = new SwarmApiClient(http, AdminKey);

        await api.SetMemoryAsync("otlp", "k", "1");

        // Protobuf keeps strings as UTF-8, so span names and metric names can be found in the raw bodies.
        await Until(() => receiver.Traces.Any(b => Contains(b, "IMemoryGrain/")) && receiver.Metrics.Any(b => Contains(b, "swarm.calls.completed")));
        var traces = receiver.Traces.ToArray();
        Assert.Contains(traces, b => Contains(b, "tgeswarm-otlp-test"));
        Assert.Contains(traces, b => Contains(b, "rpc.method"));
    }

    [Fact]
    public void A_bad_endpoint_stops_the_host_with_a_message_naming_the_setting()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Swarm:SiloPort", "0");
            builder.UseSetting("Telemetry:Otlp:Endpoint", "ftp://127.0.0.1/collector");
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Telemetry:Otlp:Endpoint", error.ToString(), StringComparison.Ordinal);
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "No matching OTLP export arrived within 30 s.");
            await Task.Delay(50);
        }
    }

    private sealed class Factory(Uri collector) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Swarm:SiloPort", "0");
            builder.UseSetting("Market:Replay:Enabled", "false");
            builder.UseSetting("Api:AdminKey", AdminKey);
            builder.UseSetting("Telemetry:Otlp:Endpoint", collector.ToString());
            builder.UseSetting("Telemetry:Otlp:ExportInterval", "00:00:00.200");
            builder.UseSetting("Telemetry:ServiceName", "tgeswarm-otlp-test");
        }
    }
}
