using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Exchange;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Tests.Support;

namespace TgeSwarm.Grains.Tests.Market.Pipeline;

/// <summary>
/// Ingestion shards against the replay exchange on 127.0.0.1: real sockets, the venue's own protocol, the recorded
/// frames; then the stages after it, down to the cache.
/// </summary>
public sealed class IngestionReplayTests(MarketPipelineFixture fixture) : IClassFixture<MarketPipelineFixture>
{
    private static readonly string[] SpotInstruments = ["BTC-USDT", "ETH-USDT"];

    [Fact]
    public async Task A_shard_on_the_replay_reads_every_recorded_frame_and_its_trades_reach_the_cache()
    {
        await using var exchange = await StartExchangeAsync();
        var shard = fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("bybit#10");
        await shard.StartAsync(SpotSettings(exchange), CancellationToken.None);

        var served = exchange.Statistics.ToString();
        var status = await Eventually.ReadAsync(() => shard.GetStatusAsync(CancellationToken.None), s => s.Trades > 0 && s.Books > 0 && s.State == "streaming");
        Assert.Equal(0, status.Rejected);
        Assert.Equal(0, status.Gaps);

        var latest = await Eventually.ReadAsync(
            async () => (await fixture.Cluster.GrainFactory.GetGrain<ICacheGrain>("ETH-USDT").GetLatestAsync(CancellationToken.None)).SingleOrDefault(s => s.Venue == "bybit"),
            s => s is { TradeCount: > 0, BestBid: > 0 });
        Assert.NotNull(latest);
        Assert.True(latest.BestAsk > latest.BestBid, served);

        await shard.StopAsync(CancellationToken.None);
        Assert.Equal("stopped", (await shard.GetStatusAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task A_shard_whose_socket_the_replay_closes_mid_stream_reconnects_and_streams_again()
    {
        await using var exchange = await StartExchangeAsync(new ReplayFault { Kind = ReplayFaultKind.Close, At = 20, FirstConnections = 1 });
        var shard = fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("bybit#11");
        await shard.StartAsync(SpotSettings(exchange), CancellationToken.None);

        var status = await Eventually.ReadAsync(() => shard.GetStatusAsync(CancellationToken.None), s => s.Connects >= 2 && s.Frames > 20);
        Assert.True(status.Connects >= 2, $"connects {status.Connects}");
        Assert.True(status.Frames > 20, $"frames {status.Frames}");
        await shard.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_delta_the_replay_drops_is_seen_as_a_gap_and_the_book_is_resynced()
    {
        await using var exchange = await StartExchangeAsync(new ReplayFault { Kind = ReplayFaultKind.DropDelta, At = 5, FirstConnections = 1 });
        var shard = fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("bybit#12");
        await shard.StartAsync(SpotSettings(exchange), CancellationToken.None);

        var status = await Eventually.ReadAsync(() => shard.GetStatusAsync(CancellationToken.None), s => s.Gaps >= 1 && s.Resyncs >= 1);
        Assert.True(status.Gaps >= 1, $"gaps {status.Gaps}");
        Assert.True(status.Resyncs >= 1, $"resyncs {status.Resyncs}");
        await shard.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("nasdaq", "ws://127.0.0.1:1/", "Venue 'nasdaq' is not known")]
    [InlineData("bybit", "http://127.0.0.1:1/", "must be an absolute ws:// or wss:// address")]
    [InlineData("okx", "ws://127.0.0.1:1/", "venue must be 'okx'")]
    public async Task Bad_shard_settings_are_refused_with_the_field_named_and_nothing_is_started(string venue, string url, string message)
    {
        var shard = fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("bybit#13");
        var error = await Assert.ThrowsAsync<ArgumentException>(() => shard.StartAsync(new IngestionShardSettings(venue, url, null, ["BTC-USDT"]), CancellationToken.None));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("stopped", (await shard.GetStatusAsync(CancellationToken.None)).State);
    }

    [Fact]
    public async Task Settings_the_venue_connector_would_refuse_are_refused_by_the_shard_before_anything_is_kept()
    {
        var shard = fixture.Cluster.GrainFactory.GetGrain<IIngestionGrain>("bybit#14");
        var perpetualOnSpot = new IngestionShardSettings("bybit", "ws://127.0.0.1:1/v5/public/spot", null, ["BTC-USDT-PERP"]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => shard.StartAsync(perpetualOnSpot, CancellationToken.None));

        Assert.Contains("BTC-USDT-PERP", error.Message, StringComparison.Ordinal);
        var status = await shard.GetStatusAsync(CancellationToken.None);
        Assert.Equal("stopped", status.State);
        Assert.Null(status.Settings);
    }

    private static IngestionShardSettings SpotSettings(ReplayExchange exchange) => new(
        "bybit", exchange.Endpoint(Venue.Bybit).WebSocketUrl("/v5/public/spot").ToString(), null, SpotInstruments, BookDepth: 200);

    private static async Task<ReplayExchange> StartExchangeAsync(params ReplayFault[] faults)
    {
        var options = new ReplayExchangeOptions { Speed = ReplayExchangeOptions.AsFastAsPossible, Loop = true };
        options.Venues.Add(Venue.Bybit);
        foreach (var fault in faults)
        {
            options.Faults.Add(fault);
        }

        return await ReplayExchange.StartAsync(options);
    }
}
