using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Keywords;

/// <summary>A silo with this assembly's grains and the "tge" streams but without AddTgeDetection (e.g. one that only runs sources).</summary>
public sealed class KeywordIntakeWithoutDetectionTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.AddGrainAssembly(typeof(TgeDetectionExtensions).Assembly);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Items_are_counted_as_not_classified_instead_of_failing_every_batch()
    {
        var raw = _cluster.Client.GetStreamProvider(TgeStreamNames.Provider).GetStream<TgeItem>(StreamId.Create(TgeStreamNames.Raw, "lonely"));
        await raw.OnNextBatchAsync([TgeItems.Item("lonely", "1", "Binance Will List Foo (FOO)"), TgeItems.Item("lonely", "2", "Binance Will List Bar (BAR)")]);
        await raw.OnNextAsync(TgeItems.Item("lonely", "3", "Binance Will List Baz (BAZ)"));

        var intake = _cluster.GrainFactory.GetGrain<IKeywordIntakeGrain>("lonely");
        var stats = await Eventually.ReadAsync(() => intake.GetStatisticsAsync(CancellationToken.None), s => s.Items == 3);

        Assert.Equal((3L, 0L, 3L), (stats.Items, stats.Candidates, stats.Failed));
    }
}
