using System.Text.Json;
using TgeSwarm.Grains.Tests.Tge.Keywords;

namespace TgeSwarm.Grains.Tests.Tge.Alerts;

/// <summary>From an item on <c>tge.raw</c> to a signed webhook request, through every stage of one silo.</summary>
public sealed class TgeAlertPathTests(TgePipelineFixture fixture) : IClassFixture<TgePipelineFixture>
{
    [Fact]
    public async Task A_new_token_on_tge_raw_reaches_the_webhook_created_then_updated_by_a_second_source()
    {
        await fixture.Raw("binance-cms").OnNextAsync(TgeItems.Item("binance-cms", "w1", "Binance Will List Webhookium (WHK) with Seed Tag Applied"));

        var created = await fixture.Receiver.NextAsync("the created notice of whk");
        Assert.True(created.SignatureValid);
        Assert.Equal(("whk/1", "created"), (created.Delivery, created.Event));

        await fixture.Raw("okx-news").OnNextAsync(TgeItems.Item("okx-news", "o9", "OKX to list Webhookium (WHK) for spot trading"));

        var updated = await fixture.Receiver.NextAsync("the updated notice of whk");
        Assert.True(updated.SignatureValid);
        Assert.Equal(("whk/2", "updated"), (updated.Delivery, updated.Event));
        using var json = JsonDocument.Parse(updated.Body);
        var sources = json.RootElement.GetProperty("event").GetProperty("sightings").EnumerateArray().Select(s => s.GetProperty("sourceId").GetString());
        Assert.Equal(["binance-cms", "okx-news"], sources);
    }
}
