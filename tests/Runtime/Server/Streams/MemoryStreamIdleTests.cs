using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Streams;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>
/// A memory stream queue's pump between events: it waits on one timer of its own for the whole of its life (not a
/// timer per wait, which under load kept every wait alive for minutes), retires on its silo's clock, and stops at
/// once. The silo runs on a frozen fake clock that counts the timers made from it.
/// </summary>
public sealed class MemoryStreamIdleTests : IAsyncLifetime
{
    private static readonly string Mem = StreamTestNames.MemoryProvider;
    private static readonly TimeSpan InactivityPeriod = TimeSpan.FromMinutes(10);

    private readonly FakeTimeProvider _fake = new();
    private readonly CountingTimeProvider _time;
    private readonly TestSignals _signals = new();
    private TestCluster _cluster = null!;

    public MemoryStreamIdleTests() => _time = new CountingTimeProvider(_fake);

    private MemoryStreamProvider Provider =>
        (MemoryStreamProvider)_cluster.Primary.ServiceProvider.GetRequiredService<StreamProviderRegistry>().Get(Mem);

    private IStreamProducerGrain Producer => _cluster.Client.GetGrain<IStreamProducerGrain>("idle-producer");

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(_signals);
            silo.Services.AddSingleton<TimeProvider>(_time);
            // Advancing the fake clock must not time calls out.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
            silo.AddMemoryGrainStorage("store");
            silo.AddMemoryStreams(Mem, o =>
            {
                o.StreamInactivityPeriod = InactivityPeriod;
                o.PubSubRefreshPeriod = TimeSpan.FromHours(1);
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_pump_that_goes_idle_between_every_event_creates_no_timer_after_its_first_wait()
    {
        const string key = "idle-timers";
        var received = _signals.Received(key);
        await Producer.ProduceOne(Mem, StreamTestNames.ImplicitNamespace, key, 0);
        await StreamWait.ForCountAsync(received, 1, "the first event, which starts the queue's pump");

        var timersBefore = _time.TimersCreated;
        for (var sequence = 1; sequence <= 100; sequence++)
        {
            // Each event waits for the previous one's delivery, so the pump is idle (waiting) before each.
            await Producer.ProduceOne(Mem, StreamTestNames.ImplicitNamespace, key, sequence);
            await StreamWait.ForCountAsync(received, sequence + 1, $"event {sequence} of 100 sent one at a time");
        }

        Assert.Equal(0, _time.TimersCreated - timersBefore);
        Assert.Equal(Enumerable.Range(0, 101), received.Select(r => r.Event.Sequence));
    }

    [Fact]
    public async Task An_idle_queue_retires_once_its_clock_passes_StreamInactivityPeriod_and_a_later_event_starts_a_fresh_one()
    {
        const string key = "idle-retire";
        var received = _signals.Received(key);
        await Producer.ProduceOne(Mem, StreamTestNames.ImplicitNamespace, key, 0);
        await StreamWait.ForCountAsync(received, 1, "the first event");
        Assert.Equal(1, Provider.Queues);

        _fake.Advance(InactivityPeriod - TimeSpan.FromSeconds(1));
        Assert.Equal(1, Provider.Queues);

        _fake.Advance(TimeSpan.FromSeconds(1));
        var retired = await Polling.WaitUntilAsync(() => Provider.Queues == 0, Bounded.Wait, TimeSpan.FromMilliseconds(5), TimeProvider.System, CancellationToken.None);
        Assert.True(retired, $"Timed out after {Bounded.Wait} waiting for the queue of mem/{key} to retire after {InactivityPeriod} idle on the silo's clock.");

        await Producer.ProduceOne(Mem, StreamTestNames.ImplicitNamespace, key, 1);
        await StreamWait.ForCountAsync(received, 2, "an event after the queue retired");
        Assert.Equal(Enumerable.Range(0, 2), received.Select(r => r.Event.Sequence));
        Assert.Equal(1, Provider.Queues);
    }

    [Fact]
    public async Task Stopping_the_provider_ends_an_idle_pump_without_its_clock_moving()
    {
        const string key = "idle-stop";
        await Producer.ProduceOne(Mem, StreamTestNames.ImplicitNamespace, key, 0);
        await StreamWait.ForCountAsync(_signals.Received(key), 1, "the first event");

        await Provider.StopAsync(CancellationToken.None).Within("the memory stream provider to stop its idle pump on a frozen clock");

        Assert.Equal(0, Provider.Queues);
    }
}
