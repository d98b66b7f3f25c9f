using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime;
using TgeSwarm.Silo.Tests.Support;

namespace TgeSwarm.Silo.Tests.Market;

/// <summary>The embedded default replays the recorded sessions through the whole pipeline without outside services.</summary>
public sealed class EmbeddedReplayTests(EmbeddedReplayTests.Factory factory) : IClassFixture<EmbeddedReplayTests.Factory>
{
    [Theory]
    [InlineData("bybit#0", "bybit", "BTC-USDT")]
    [InlineData("okx#0", "okx", "BTC-USDT")]
    [InlineData("kraken#0", "kraken", "XMR-USD")]
    public async Task Every_recorded_venue_streams_from_the_replay_into_the_cache(string shard, string venue, string instrument)
    {
        using var client = factory.CreateClient();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();

        var status = await Eventually.ReadAsync(() => grains.GetGrain<IIngestionGrain>(shard).GetStatusAsync(CancellationToken.None), s => s.Frames > 0);
        Assert.True(status.Frames > 0, $"{shard} read no frame: {status}");
        var latest = await Eventually.ReadAsync(
            async () => (await grains.GetGrain<ICacheGrain>(instrument).GetLatestAsync(CancellationToken.None)).SingleOrDefault(s => s.Venue == venue),
            s => s is { TradeCount: > 0 });
        Assert.True(latest is { TradeCount: > 0 }, $"no trades of {venue} {instrument} reached the cache");

        // The shard is the queen's agent, and she sees it running where it runs.
        var agent = await Eventually.ReadAsync(
            async () =>
            {
                var queen = grains.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);
                await queen.ReconcileAsync(CancellationToken.None);
                return await queen.GetAgentAsync(AgentTypes.Ingestion, shard, CancellationToken.None);
            },
            a => a.ActualState == AgentState.Running);
        Assert.Equal(AgentState.Running, agent.ActualState);
    }

    /// <summary>The embedded default on an OS-assigned silo port, replaying as fast as the pipeline takes it.</summary>
    public sealed class Factory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Swarm:SiloPort", "0");
            builder.UseSetting("Market:Replay:Speed", "20");
        }
    }
}
