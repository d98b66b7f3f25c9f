using System.Net;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class MemoryEndpointTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>
{
    [Fact]
    public async Task An_operator_writes_reads_lists_and_removes_findings()
    {
        var key = await factory.Admin().CreateKeyAsync("dave", "operator");
        var api = factory.Client(key.Key);

        var written = await api.SetMemoryAsync("sources", "binance.poll", """{"seconds":30}""");
        await api.SetMemoryAsync("sources", "okx.poll", """{"seconds":45}""");
        var entry = await api.GetMemoryAsync("sources", "binance.poll");
        var page = await api.ListMemoryAsync("sources", prefix: "binance");
        await api.RemoveMemoryAsync("sources", "binance.poll");
        var gone = await Assert.ThrowsAsync<SwarmApiException>(() => api.GetMemoryAsync("sources", "binance.poll"));

        Assert.Equal(written.Version, entry.Version);
        Assert.Equal("""{"seconds":30}""", entry.Value);
        Assert.Equal($"dave ({key.Id})", entry.UpdatedBy);
        Assert.Equal(["binance.poll"], page.Items.Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_write_against_a_stale_version_is_a_409_and_changes_nothing()
    {
        var api = factory.Admin();
        var first = await api.SetMemoryAsync("thresholds", "BTC-USDT", "1.5", expectedVersion: 0);
        await api.SetMemoryAsync("thresholds", "BTC-USDT", "2.5", expectedVersion: first.Version);

        var stale = await Assert.ThrowsAsync<SwarmApiException>(() => api.SetMemoryAsync("thresholds", "BTC-USDT", "9.9", expectedVersion: first.Version));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("2.5", (await api.GetMemoryAsync("thresholds", "BTC-USDT")).Value);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_write_and_bad_values_name_their_field()
    {
        var viewer = factory.Client((await factory.Admin().CreateKeyAsync("erin", "viewer")).Key);

        var refused = await Assert.ThrowsAsync<SwarmApiException>(() => viewer.SetMemoryAsync("sources", "x", "1"));
        var badTtl = await Assert.ThrowsAsync<SwarmApiException>(() => factory.Admin().SetMemoryAsync("sources", "x", "1", ttl: TimeSpan.FromSeconds(-1)));
        var listed = await viewer.ListMemoryAsync("empty-namespace");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["ttlSeconds"], badTtl.Problem.Errors!.Keys);
        Assert.Empty(listed.Items);
    }
}
