using Microsoft.Extensions.Configuration;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge.Sources.Hosting;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>
/// A running source comes back by itself after its silo is killed: nothing calls it, yet its keep-alive reminder (in
/// PostgreSQL, taken over by a survivor) reactivates it where its key now lives; the activation polls at once and,
/// with its seen-item memory read back from PostgreSQL grain storage, emits only the item that appeared meanwhile.
/// Real clock: reminders every second, membership's test settings (a dead silo is voted out in about 1.5 s).
/// </summary>
public sealed class SourceSiloLossTests
{
    private const string Feed = "binance-new-listings";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_source_whose_silo_is_killed_polls_again_on_a_survivor_without_re_emitting_what_it_emitted()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var server = await LocalSources.StartAsync();
        await using var cluster = await StartClusterAsync(database.ConnectionString);
        var (id, victim) = await StartAwayFromPrimaryAsync(cluster, server);
        var source = cluster.GrainFactory.GetGrain<ISourceGrain>(id);
        await server.PublishAsync(Feed, "Binance Will List Before The Loss (BFL)");
        Assert.Equal(1, (await source.PollNowAsync(None)).ItemsEmitted);
        var meanwhile = await server.PublishAsync(Feed, "Binance Will List During The Loss (DRL)");
        var requestsBefore = LocalSources.RequestsTo(server, Feed);

        await cluster.KillSiloAsync(victim);

        // Only the management grain is asked, which never activates the source: whatever runs it now, the reminder woke.
        var management = cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var revived = await Eventually.ReadAsync(
            async () => (await management.GetActivations("source", 100)).SingleOrDefault(a => a.GrainId.Key == id),
            a => a is not null && a.SiloAddress != victim.SiloAddress.ToString());
        Assert.True(revived is not null && revived.SiloAddress != victim.SiloAddress.ToString(), $"source {id} was not reactivated on a survivor after {victim.Name} was killed");
        Assert.Contains(cluster.Silos.Where(static s => s.IsActive), s => s.SiloAddress.ToString() == revived.SiloAddress);
        var status = await Eventually.ReadAsync(() => source.GetStatusAsync(None), static s => s.LastOutcome is not null);

        Assert.True(status.LastOutcome is not null, $"the revived source did not finish a poll: {SourceSilo.Describe(status)}");
        Assert.True(LocalSources.RequestsTo(server, Feed) > requestsBefore, "the revived source made no request to its feed");
        Assert.Equal((TgeSourceRunState.Running, TgePollOutcome.NewItems), (status.State, status.LastOutcome));
        Assert.Equal(1, status.ItemsEmitted);
        Assert.Equal([meanwhile.Id], status.RecentItemIds);
        Assert.Equal(LocalSources.BinanceItems + 2, status.RememberedItems);
        Assert.DoesNotContain(victim.SiloAddress.ToString(), status.Silo, StringComparison.Ordinal);
        await source.RemoveAsync(None);
    }

    private static async Task<(string Id, SiloHandle Silo)> StartAwayFromPrimaryAsync(TestCluster cluster, LocalSourceServer server)
    {
        var primary = cluster.Primary.SiloAddress.ToString();
        var settings = LocalSources.Settings(server, Feed);
        for (var n = 0; n < 30; n++)
        {
            var id = $"silo-loss-{n}";
            var source = cluster.GrainFactory.GetGrain<ISourceGrain>(id);
            await source.StartAsync(settings, None);
            var status = await Eventually.ReadAsync(() => source.GetStatusAsync(None), static s => s.LastOutcome is not null);
            Assert.True(status.LastOutcome is not null, $"source {id} did not finish its first poll: {SourceSilo.Describe(status)}");
            if (!status.Silo.Contains(primary, StringComparison.Ordinal))
            {
                Assert.True(status.ItemsEmitted == LocalSources.BinanceItems, $"source {id} first poll: {SourceSilo.Describe(status)}");
                return (id, cluster.Silos.Single(s => status.Silo.Contains(s.SiloAddress.ToString(), StringComparison.Ordinal)));
            }

            await source.RemoveAsync(None);
        }

        throw new InvalidOperationException("Thirty source ids in a row were placed on the primary silo; placement is not spreading keys.");
    }

    private static async Task<TestCluster> StartClusterAsync(string postgres)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tge:Hosts:MinSpacing"] = "00:00:00",
            ["Tge:Hosts:MaxRetries"] = "0",
            ["Tge:Polling:ReminderPeriod"] = "00:00:01",
            ["Tge:Performance:SweepPeriod"] = "1.00:00:00",
        }).Build();
        var builder = new TestClusterBuilder(3);
        builder.ConfigureSilo(silo =>
        {
            silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, postgres);
            silo.UsePostgresReminderService(postgres);
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.Services.AddTgeSources(configuration);
            silo.AddGrainAssembly(typeof(TgeSourcesExtensions).Assembly);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
