using Microsoft.Extensions.Configuration;
using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Exchange;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Market.Pipeline;

/// <summary>
/// A started shard comes back by itself after its silo is lost: nothing calls it, yet its reminder (kept in
/// PostgreSQL, taken over by a survivor) reactivates it where its key is now placed, and activation reconnects.
/// </summary>
public sealed class IngestionSiloLossTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_keep_alive_reminder_restarts_a_shard_on_a_survivor_after_its_silo_is_killed()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var exchange = await StartExchangeAsync();
        await using var cluster = await StartClusterAsync(database.ConnectionString);
        var (shard, victim) = await StartAwayFromPrimaryAsync(cluster, exchange);
        var before = exchange.Statistics.Connections;

        await cluster.KillSiloAsync(victim);

        // Only the management grain is asked, which never activates the shard: whatever runs it now, the reminder woke.
        var management = cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var revived = await Eventually.ReadAsync(
            async () => (await management.GetActivations("ingestion", 100)).SingleOrDefault(a => a.GrainId.Key == shard),
            a => a is not null && a.SiloAddress != victim.SiloAddress.ToString());
        Assert.NotNull(revived);
        Assert.Contains(cluster.Silos.Where(static s => s.IsActive), s => s.SiloAddress.ToString() == revived.SiloAddress);
        await Eventually.ReadAsync(() => Task.FromResult(exchange.Statistics.Connections), c => c > before);
        Assert.True(exchange.Statistics.Connections > before, "the revived shard did not connect to the exchange again");

        var status = await Eventually.ReadAsync(() => cluster.GrainFactory.GetGrain<IIngestionGrain>(shard).GetStatusAsync(None), s => s is { State: "streaming", Frames: > 0 });
        Assert.Equal("streaming", status.State);
        await cluster.GrainFactory.GetGrain<IIngestionGrain>(shard).StopAsync(None);
    }

    private static async Task<(string Shard, SiloHandle Silo)> StartAwayFromPrimaryAsync(TestCluster cluster, ReplayExchange exchange)
    {
        var primary = cluster.Primary.SiloAddress.ToString();
        var settings = new IngestionShardSettings(
            "bybit", exchange.Endpoint(Venue.Bybit).WebSocketUrl("/v5/public/spot").ToString(), null, ["BTC-USDT"], BookDepth: 200);
        for (var n = 40; n < 70; n++)
        {
            var key = $"bybit#{n}";
            var grain = cluster.GrainFactory.GetGrain<IIngestionGrain>(key);
            await grain.StartAsync(settings, None);
            var identity = (await grain.GetStatusAsync(None)).Silo;
            if (!identity.Contains(primary, StringComparison.Ordinal))
            {
                return (key, cluster.Silos.Single(s => identity.Contains(s.SiloAddress.ToString(), StringComparison.Ordinal)));
            }

            await grain.StopAsync(None);
        }

        throw new InvalidOperationException("Thirty shard keys in a row were placed on the primary silo; placement is not spreading keys.");
    }

    private static async Task<TestCluster> StartClusterAsync(string postgres)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Market:Console:Period"] = "00:00:00",
            ["Market:Ingestion:KeepAlivePeriod"] = "00:00:01",
        }).Build();
        var builder = new TestClusterBuilder(3);
        builder.ConfigureSilo(silo =>
        {
            silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, postgres);
            silo.UsePostgresReminderService(postgres);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.AddMemoryStreams(MarketStreamNames.Provider);
            silo.AddMarketPipeline(configuration);
            silo.AddGrainAssembly(typeof(MarketSiloExtensions).Assembly);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<ReplayExchange> StartExchangeAsync()
    {
        var options = new ReplayExchangeOptions { Speed = ReplayExchangeOptions.AsFastAsPossible, Loop = true };
        options.Venues.Add(Venue.Bybit);
        return await ReplayExchange.StartAsync(options);
    }
}
