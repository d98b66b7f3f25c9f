using Microsoft.Extensions.Configuration;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tests.Tge.Keywords;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>A silo whose TGE detection has a database: the alert grain's notices go through <c>tge_webhook_outbox</c>.</summary>
public sealed class TgeDurableAlertPathTests : IAsyncLifetime
{
    private const string Secret = "durable-webhook-secret-0123";
    private HistoryDatabase _database = null!;
    private WebhookReceiver _receiver = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await HistoryDatabase.CreateAsync();
        _receiver = await WebhookReceiver.StartAsync(Secret);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tge:Webhooks:0:Url"] = _receiver.Url,
                ["Tge:Webhooks:0:Secret"] = Secret,
                ["Tge:Alerts:PollInterval"] = "00:00:00.050",
            })
            .Build();
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.Services.AddTgeDetection(configuration, _database.ConnectionString);
            silo.AddGrainAssembly(typeof(TgeDetectionExtensions).Assembly);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_new_token_reaches_the_webhook_through_the_outbox_table()
    {
        var raw = _cluster.Client.GetStreamProvider(TgeStreamNames.Provider).GetStream<TgeItem>(StreamId.Create(TgeStreamNames.Raw, "binance-cms"));

        await raw.OnNextAsync(TgeItems.Item("binance-cms", "d1", "Binance Will List Durablium (DUR) with Seed Tag Applied"));

        var created = await _receiver.NextAsync("the created notice of dur");
        Assert.Equal(("dur/1", "created", true), (created.Delivery, created.Event, created.SignatureValid));
        Assert.Equal(0L, await Eventually.ReadAsync(_database.RowsAsync, static n => n == 0));
        Assert.Single(_receiver.All);
    }
}
