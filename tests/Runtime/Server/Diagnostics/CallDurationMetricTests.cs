using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Diagnostics;

/// <summary>
/// <c>swarm.calls.duration</c> records each request's turn, by grain type, on the silo's meter. The silo runs on a
/// fake clock, so a turn's duration is exactly the time the test advanced while it was parked.
/// </summary>
public sealed class CallDurationMetricTests : IAsyncLifetime
{
    private const string InstrumentName = "swarm.calls.duration";

    private readonly FakeTimeProvider _time = new();
    private readonly TestSignals _signals = new();
    private readonly ConcurrentQueue<(string? GrainType, double Seconds)> _measurements = new();
    private readonly MeterListener _listener = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(_signals);
            silo.Services.AddSingleton<TimeProvider>(_time);
            // Advancing the fake clock must not time the parked call out.
            silo.Configure<Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
            silo.AddMemoryGrainStorage("store");
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();

        // Other test classes run silos in this process too: listen to this silo's meter only.
        var meter = _cluster.Primary.ServiceProvider.GetRequiredService<IMeterFactory>().Create(SwarmDiagnostics.MeterName);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => _measurements.Enqueue((GrainTypeOf(tags), value)));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_call_whose_turn_awaits_is_recorded_with_the_time_the_turn_ran_and_its_grain_type()
    {
        var grain = _cluster.Client.GetGrain<IBehaviourGrain>("duration-await");
        await grain.GetIdentityAsync();
        _measurements.Clear();

        var call = grain.HangAsync("duration-gate");
        await _signals.Gate("entered:duration-gate").Within("the grain to enter HangAsync");
        _time.Advance(TimeSpan.FromMilliseconds(250));
        _signals.Open("duration-gate");
        await call.Within("HangAsync to return after its gate opened");

        // Recorded before the caller is released, so it is there once the call has returned.
        Assert.Equal([0.25], BehaviourDurations());
    }

    [Fact]
    public async Task Calls_whose_turns_end_without_awaiting_are_each_recorded_once()
    {
        var grain = _cluster.Client.GetGrain<IBehaviourGrain>("duration-sync");
        await grain.GetIdentityAsync();
        _measurements.Clear();

        for (var i = 0; i < 5; i++)
        {
            await grain.GetIdentityAsync();
        }

        Assert.Equal([0.0, 0.0, 0.0, 0.0, 0.0], BehaviourDurations());
    }

    // Runtime services (sys.* targets) may take calls on the same silo meanwhile: only the test grain's type is asserted.
    private List<double> BehaviourDurations() =>
        [.. _measurements.Where(static m => m.GrainType == "behaviour").Select(static m => m.Seconds)];

    private static string? GrainTypeOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "grain_type")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
