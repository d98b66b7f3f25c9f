using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>PostgreSQL going away and coming back under a PostgreSQL stream: producers fail loudly, nothing acknowledged is lost.</summary>
public sealed class PostgresOutageTests : IAsyncLifetime
{
    private readonly TestSignals _signals = new();
    private TcpProxy _proxy = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var direct = new NpgsqlConnectionStringBuilder(PostgresClusterFixture.ConnectionString);
        _proxy = new TcpProxy(direct.Host!, direct.Port);
        var proxied = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Port = _proxy.Port, Timeout = 3, CommandTimeout = 5 }.ConnectionString;
        var serviceId = $"outage-{Guid.NewGuid():N}";
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(_signals);
            silo.AddPostgresGrainStorage("store", direct.ConnectionString);
            silo.AddPostgresGrainStorage("PubSubStore", direct.ConnectionString);
            silo.AddPostgresStreams(StreamTestNames.PostgresProvider, proxied, o =>
            {
                o.ServiceId = serviceId;
                o.QueueCount = 2;
                o.PollInterval = TimeSpan.FromMilliseconds(20);
            });
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task Producing_fails_during_the_outage_and_every_accepted_event_arrives_after_it()
    {
        var key = $"outage-{Guid.NewGuid():N}";
        var producer = _cluster.Client.GetGrain<IStreamProducerGrain>("outage-producer");
        await producer.Produce(StreamTestNames.PostgresProvider, StreamTestNames.PersistentNamespace, key, 0, 100, 10);
        var received = _signals.Received(key);
        await StreamWait.ForCountAsync(received, 100, "the events before the outage");

        _proxy.Cut();
        await Assert.ThrowsAnyAsync<Exception>(() => producer.Produce(StreamTestNames.PostgresProvider, StreamTestNames.PersistentNamespace, key, 100, 10, 10));

        _proxy.Restore();
        var accepted = await ProduceWhenBackAsync(producer, key);
        var expected = Enumerable.Range(0, 100).Concat(accepted).ToHashSet();
        var complete = await Polling.WaitUntilAsync(
            () => expected.IsSubsetOf(received.Select(r => r.Event.Sequence)), Bounded.Wait, TimeSpan.FromMilliseconds(20), TimeProvider.System, CancellationToken.None);
        Assert.True(complete, $"Missing after the outage: {string.Join(", ", expected.Except(received.Select(r => r.Event.Sequence)).Take(20))}");
    }

    /// <summary>Produces 200..299 in rows of 10 once the database answers again; returns the events whose produce succeeded.</summary>
    private static async Task<List<int>> ProduceWhenBackAsync(IStreamProducerGrain producer, string key)
    {
        var accepted = new List<int>();
        for (var first = 200; first < 300; first += 10)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await producer.Produce(StreamTestNames.PostgresProvider, StreamTestNames.PersistentNamespace, key, first, 10, 10);
                    accepted.AddRange(Enumerable.Range(first, 10));
                    break;
                }
                catch (Exception) when (attempt < 50)
                {
                    // Pooled connections broken by the cut fail once each; the next attempt opens a fresh one.
                    await Task.Delay(100);
                }
            }
        }

        return accepted;
    }
}
