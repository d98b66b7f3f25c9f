using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Tge.Alerts;
using TgeSwarm.Grains.Tge.Events;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Keywords;

/// <summary>
/// One silo with the TGE keyword stage, event grains and alerts as the silo host wires them on the embedded default:
/// memory streams "tge", memory grain storage, the in-memory event store, and one webhook: a receiver of the
/// fixture's own on 127.0.0.1.
/// </summary>
public sealed class TgePipelineFixture : IAsyncLifetime
{
    public const string WebhookSecret = "fixture-webhook-secret-0123";

    public TestCluster Cluster { get; private set; } = null!;

    internal WebhookReceiver Receiver { get; private set; } = null!;

    internal InMemoryTgeEventStore Store => (InMemoryTgeEventStore)Cluster.Primary.ServiceProvider.GetRequiredService<ITgeEventStore>();

    public IAsyncStream<TgeItem> Raw(string source) => TgePipelineSilo.Raw(Cluster, source);

    public IAsyncStream<TgeCandidate> Candidates(string slug) => TgePipelineSilo.Candidates(Cluster, slug);

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync(WebhookSecret);
        Cluster = await TgePipelineSilo.StartAsync(Receiver, WebhookSecret);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
