using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tests.Tge.Alerts;
using TgeSwarm.Grains.Tests.Tge.Keywords;
using TgeSwarm.Grains.Tge.Events;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary>
/// One silo with TGE detection on a database: records in <c>tge_events</c> and notices in <c>tge_webhook_outbox</c> of
/// a migrated schema of its own on the real PostgreSQL of TGESWARM_TEST_POSTGRES, delivered to one webhook (a
/// receiver of the fixture's own on 127.0.0.1); memory streams and grain storage.
/// </summary>
public sealed class TgePostgresPipelineFixture : IAsyncLifetime
{
    public const string WebhookSecret = "postgres-webhook-secret-0123";

    public TestCluster Cluster { get; private set; } = null!;

    internal HistoryDatabase Database { get; private set; } = null!;

    internal WebhookReceiver Receiver { get; private set; } = null!;

    internal ITgeEventStore Store => Cluster.Primary.ServiceProvider.GetRequiredService<ITgeEventStore>();

    public IAsyncStream<TgeItem> Raw(string source) => TgePipelineSilo.Raw(Cluster, source);

    public IAsyncStream<TgeCandidate> Candidates(string slug) => TgePipelineSilo.Candidates(Cluster, slug);

    public async Task InitializeAsync()
    {
        Database = await HistoryDatabase.CreateAsync();
        Receiver = await WebhookReceiver.StartAsync(WebhookSecret);
        Cluster = await TgePipelineSilo.StartAsync(
            Receiver, WebhookSecret, Database.ConnectionString, new Dictionary<string, string?> { ["Tge:Alerts:PollInterval"] = "00:00:00.050" });
        Assert.IsType<PostgresTgeEventStore>(Store);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Receiver.DisposeAsync();
        await Database.DisposeAsync();
    }
}
