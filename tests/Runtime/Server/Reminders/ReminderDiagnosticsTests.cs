using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Reminders;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Reminders;

/// <summary>Ticks are counted on the silo's meter and every failed tick is logged with its exception.</summary>
public sealed class ReminderDiagnosticsTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new();
    private readonly TestSignals _signals = new();
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ConcurrentDictionary<string, double> _measurements = new();
    private readonly MeterListener _listener = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(_signals);
            silo.Services.AddSingleton<TimeProvider>(_time);
            silo.Services.AddSingleton<ILoggerProvider>(_logs);
            silo.Configure<Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
            silo.AddMemoryGrainStorage("store");
            silo.UseInMemoryReminderService();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();

        // The meter factory hands every caller of one silo the same meter: listen to this silo's only.
        var meter = _cluster.Primary.ServiceProvider.GetRequiredService<IMeterFactory>().Create(SwarmDiagnostics.MeterName);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name.StartsWith("swarm.reminders.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _measurements.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _measurements.AddOrUpdate(instrument.Name + ".count", 1, static (_, n) => n + 1));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Delivered_and_failed_ticks_are_counted_with_their_tardiness_and_each_failure_is_logged()
    {
        var grain = _cluster.Client.GetGrain<IReminderGrain>("diagnostics");
        await grain.RegisterAsync("ok", Minute, Minute);
        await grain.RegisterAsync("fail", Minute, Minute);

        _time.Advance(Minute);
        await ReminderTicks.WaitAsync(_signals, "diagnostics", "ok", 1);
        await ReminderTicks.WaitAsync(_signals, "diagnostics", "fail", 1);
        await TablePolling.WaitUntilAsync(
            () => Task.FromResult(Measured("swarm.reminders.ticks.delivered") == 1 && Measured("swarm.reminders.ticks.failed") == 1),
            "both ticks to be answered");

        Assert.Equal(2, Measured("swarm.reminders.active"));
        Assert.Equal(2, Measured("swarm.reminders.tardiness.count"));
        var failure = Assert.Single(_logs.Entries, static e => e.EventId == ReminderEventIds.TickFailed);
        Assert.IsType<TestGrainException>(failure.Exception);
        Assert.Contains("'fail'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("reminder/diagnostics", failure.Message, StringComparison.Ordinal);
    }

    private double Measured(string name) => _measurements.GetValueOrDefault(name);
}
