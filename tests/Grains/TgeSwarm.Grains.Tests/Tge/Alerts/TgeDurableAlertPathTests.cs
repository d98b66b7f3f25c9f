using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tests.Tge.Events;
using TgeSwarm.Grains.Tests.Tge.Keywords;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>A silo whose TGE detection has a database: the alert grain's notices go through <c>tge_webhook_outbox</c>.</summary>
public sealed class TgeDurableAlertPathTests(TgePostgresPipelineFixture fixture) : IClassFixture<TgePostgresPipelineFixture>
{
    [Fact]
    public async Task A_new_token_reaches_the_webhook_through_the_outbox_table()
    {
        await fixture.Raw("binance-cms").OnNextAsync(TgeItems.Item("binance-cms", "d1", "Binance Will List Durablium (DUR) with Seed Tag Applied"));

        var created = await fixture.Receiver.NextAsync("the created notice of dur");
        Assert.Equal(("dur/1", "created", true), (created.Delivery, created.Event, created.SignatureValid));
        Assert.Equal(0L, await Eventually.ReadAsync(fixture.Database.RowsAsync, static n => n == 0));
        Assert.Single(fixture.Receiver.All);
    }
}
