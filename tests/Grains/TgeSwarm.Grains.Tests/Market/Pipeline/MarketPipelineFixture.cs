using Microsoft.Extensions.Configuration;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Market.Pipeline;

/// <summary>
/// One silo with the market pipeline as the silo host wires it (memory streams "market", memory storage, in-memory
/// reminders), configured for recorded sessions: their 2021–2026 timestamps are not checked against the clock.
/// </summary>
public sealed class MarketPipelineFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Market:Console:Period"] = "00:00:00",
            })
            .Build();
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(MarketStreamNames.Provider);
            silo.AddMarketPipeline(configuration);
            silo.Configure<Grains.Market.Validation.MarketValidationOptions>(o =>
            {
                o.MaxAge = null;
                o.MaxClockSkew = null;
            });
            silo.AddGrainAssembly(typeof(MarketSiloExtensions).Assembly);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
