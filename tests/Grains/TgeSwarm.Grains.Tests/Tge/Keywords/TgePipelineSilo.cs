using Microsoft.Extensions.Configuration;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Tge.Alerts;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Keywords;

/// <summary>
/// The one-silo TGE detection cluster the pipeline fixtures share: memory streams "tge", memory grain storage, one
/// webhook (the fixture's receiver), and the event store and outbox on PostgreSQL when a connection string is given.
/// </summary>
internal static class TgePipelineSilo
{
    public static async Task<TestCluster> StartAsync(
        WebhookReceiver receiver, string secret, string? postgres = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Tge:Webhooks:0:Url"] = receiver.Url,
            ["Tge:Webhooks:0:Secret"] = secret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.Services.AddTgeDetection(configuration, postgres);
            silo.AddGrainAssembly(typeof(TgeDetectionExtensions).Assembly);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static IAsyncStream<TgeItem> Raw(TestCluster cluster, string source) =>
        cluster.Client.GetStreamProvider(TgeStreamNames.Provider).GetStream<TgeItem>(StreamId.Create(TgeStreamNames.Raw, source));

    public static IAsyncStream<TgeCandidate> Candidates(TestCluster cluster, string slug) =>
        cluster.Client.GetStreamProvider(TgeStreamNames.Provider).GetStream<TgeCandidate>(StreamId.Create(TgeStreamNames.Candidates, slug));
}
