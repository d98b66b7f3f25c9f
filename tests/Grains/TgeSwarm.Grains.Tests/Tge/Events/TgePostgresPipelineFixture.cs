using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Events;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary>
/// One silo with TGE detection on a database: records in <c>tge_events</c> (and the webhook outbox) of a migrated
/// schema of its own on the real PostgreSQL of TGESWARM_TEST_POSTGRES; memory streams and grain storage.
/// </summary>
public sealed class TgePostgresPipelineFixture : IAsyncLifetime
{
    private HistoryDatabase _database = null!;

    public TestCluster Cluster { get; private set; } = null!;

    internal ITgeEventStore Store => Cluster.Primary.ServiceProvider.GetRequiredService<ITgeEventStore>();

    public IAsyncStream<TgeCandidate> Candidates(string slug) =>
        Cluster.Client.GetStreamProvider(TgeStreamNames.Provider).GetStream<TgeCandidate>(StreamId.Create(TgeStreamNames.Candidates, slug));

    public async Task InitializeAsync()
    {
        _database = await HistoryDatabase.CreateAsync();
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.Services.AddTgeDetection(null, _database.ConnectionString);
            silo.AddGrainAssembly(typeof(TgeDetectionExtensions).Assembly);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Assert.IsType<PostgresTgeEventStore>(Store);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _database.DisposeAsync();
    }
}
