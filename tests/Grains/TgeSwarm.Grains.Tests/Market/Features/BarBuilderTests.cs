using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Features;

namespace TgeSwarm.Grains.Tests.Market.Features;

public sealed class BarBuilderTests
{
    private const long Second = 1_000_000;
    private const long T0 = 1_700_000_000 * Second;

    [Fact]
    public void Builds_ohlcv_of_a_bucket_and_closes_it_when_a_later_bucket_opens()
    {
        var builder = new BarBuilder("binance", "BTC-USDT", 1);
        Assert.Equal(BarUpdate.Opened, builder.Add(T0 + 100, 10m, 1m, out var closed));
        Assert.Null(closed);
        Assert.Equal(BarUpdate.Extended, builder.Add(T0 + 200, 12m, 2m, out closed));
        Assert.Equal(BarUpdate.Extended, builder.Add(T0 + 300, 9m, 0.5m, out closed));
        Assert.Equal(BarUpdate.Extended, builder.Add(T0 + 999_999, 11m, 1.5m, out closed));
        Assert.Null(closed);

        Assert.Equal(BarUpdate.Opened, builder.Add(T0 + Second, 13m, 1m, out closed));
        Assert.Equal(new Bar("binance", "BTC-USDT", 1, T0, 10m, 12m, 9m, 11m, 5m, 10m + 24m + 4.5m + 16.5m, 4), closed);
        Assert.Equal(55m / 5m, closed!.Vwap);
        Assert.Equal(T0 + Second, closed.EndTime);
        Assert.Equal(T0 + Second, builder.OpenTime);
    }

    [Fact]
    public void Empty_buckets_produce_no_bar()
    {
        var builder = new BarBuilder("okx", "ETH-USDT", 1);
        builder.Add(T0, 10m, 1m, out _);
        builder.Add(T0 + (5 * Second), 11m, 1m, out var closed);
        Assert.Equal(T0, closed!.OpenTime);
        builder.Add(T0 + (6 * Second), 12m, 1m, out closed);
        Assert.Equal(T0 + (5 * Second), closed!.OpenTime);
    }

    [Fact]
    public void Buckets_align_on_the_epoch_for_minutes()
    {
        var builder = new BarBuilder("okx", "ETH-USDT", 60);
        var time = T0 + (17 * Second) + 5;
        builder.Add(time, 10m, 1m, out _);
        Assert.Equal(time - (time % (60 * Second)), builder.OpenTime);
        Assert.Equal(0, builder.OpenTime % (60 * Second));
        Assert.Equal(-60 * Second, BarBuilder.BucketStart(-1, 60 * Second));
    }

    [Fact]
    public void Open_and_close_follow_exchange_time_not_arrival_within_a_bucket()
    {
        var builder = new BarBuilder("coinbase", "BTC-USD", 1);
        builder.Add(T0 + 500, 20m, 1m, out _);
        builder.Add(T0 + 100, 18m, 1m, out _);
        builder.Add(T0 + 900, 21m, 1m, out _);
        builder.Add(T0 + 700, 19m, 1m, out _);
        var bar = builder.Peek()!;
        Assert.Equal(18m, bar.Open);
        Assert.Equal(21m, bar.Close);
        Assert.Equal(21m, bar.High);
        Assert.Equal(18m, bar.Low);
        Assert.Equal(0, builder.LateTrades);
    }

    [Fact]
    public void A_trade_older_than_the_open_bar_is_folded_into_it_and_counted()
    {
        var builder = new BarBuilder("coinbase", "BTC-USD", 1);
        builder.Add(T0 + (3 * Second), 20m, 1m, out _);
        Assert.Equal(BarUpdate.Late, builder.Add(T0 + Second, 25m, 2m, out var closed));
        Assert.Null(closed);
        Assert.Equal(BarUpdate.Late, builder.Add(T0, 15m, 1m, out _));
        var bar = builder.Peek()!;
        Assert.Equal(new Bar("coinbase", "BTC-USD", 1, T0 + (3 * Second), 20m, 25m, 15m, 20m, 4m, 20m + 50m + 15m, 3), bar);
        Assert.Equal(2, builder.LateTrades);
        Assert.InRange(bar.Vwap, bar.Low, bar.High);
    }
}
