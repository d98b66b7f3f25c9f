using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>
/// A source configured under <c>Tge:Sources</c> and kept in PostgreSQL grain storage, across a whole-silo restart:
/// the second silo is a new process as far as the grain can tell, with the same service id and the same database.
/// </summary>
public sealed class SourceRestartTests
{
    [Fact]
    public async Task After_a_silo_restart_the_configured_source_polls_again_and_emits_only_what_appeared_meanwhile()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var server = await LocalSources.StartAsync();
        var serviceId = $"tge-restart-{Guid.NewGuid():N}";
        var url = server.UrlOf("binance-new-listings").AbsoluteUri;
        var configured = new Dictionary<string, string?>
        {
            ["Tge:Sources:0:Id"] = "restart-binance",
            ["Tge:Sources:0:Url"] = url,
            ["Tge:Sources:0:Kind"] = "BinanceCms",
            ["Tge:Sources:0:MinInterval"] = "00:10:00",
            ["Tge:Sources:0:MaxInterval"] = "01:00:00",
        };
        void Storage(ISiloBuilder silo) => silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, database.ConnectionString);

        var firstTime = new FakeTimeProvider();
        await using (var first = SourceSilo.Build(firstTime, configured, Storage, serviceId))
        {
            await first.DeployAsync();
            var source = first.GrainFactory.GetGrain<ISourceGrain>("restart-binance");
            var started = await SourceSilo.QuiescentAsync(source, firstTime, 1);
            Assert.Equal(LocalSources.BinanceItems, started.ItemsEmitted);
            await server.PublishAsync("binance-new-listings", "Binance Will List Before Restart (BFR)");
            Assert.Equal(1, (await source.PollNowAsync(CancellationToken.None)).ItemsEmitted);
        }

        var meanwhile = await server.PublishAsync("binance-new-listings", "Binance Will List During Restart (DUR)");
        var secondTime = new FakeTimeProvider();
        await using var second = SourceSilo.Build(secondTime, configured, Storage, serviceId);
        await second.DeployAsync();
        var again = second.GrainFactory.GetGrain<ISourceGrain>("restart-binance");

        var status = await SourceSilo.QuiescentAsync(again, secondTime, 1);

        Assert.Equal(TgePollOutcome.NewItems, status.LastOutcome);
        Assert.Equal(LocalSources.BinanceItems + 2, status.ItemsSeen);
        Assert.Equal(1, status.ItemsEmitted);
        Assert.Equal([meanwhile.Id], status.RecentItemIds);
        Assert.Equal(LocalSources.BinanceItems + 2, status.RememberedItems);
        Assert.Equal(TgePollOutcome.NotModified, (await again.PollNowAsync(CancellationToken.None)).Outcome);
    }
}
