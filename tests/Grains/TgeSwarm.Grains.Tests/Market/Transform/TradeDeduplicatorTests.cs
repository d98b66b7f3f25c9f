using TgeSwarm.Feeds;
using TgeSwarm.Grains.Market.Transform;
using static TgeSwarm.Grains.Tests.Market.Validation.TestMarketEvents;

namespace TgeSwarm.Grains.Tests.Market.Transform;

public sealed class TradeDeduplicatorTests
{
    [Fact]
    public void A_trade_id_seen_before_is_a_duplicate()
    {
        var dedup = new TradeDeduplicator(100);

        Assert.True(dedup.IsNew(Trade(id: "1")));
        Assert.True(dedup.IsNew(Trade(id: "2")));
        Assert.False(dedup.IsNew(Trade(id: "1")));

        // Same id, other fields changed (a venue correcting nothing: the id is the identity).
        Assert.False(dedup.IsNew(Trade(id: "2", price: 101m)));

        Assert.Equal(2, dedup.Unique);
        Assert.Equal(2, dedup.Duplicates);
    }

    [Fact]
    public void Ids_are_per_instrument()
    {
        var dedup = new TradeDeduplicator(100);

        Assert.True(dedup.IsNew(Trade(id: "7", instrument: "BTC-USDT")));
        Assert.True(dedup.IsNew(Trade(id: "7", instrument: "ETH-USDT")));
        Assert.Equal(2, dedup.Instruments);
    }

    [Fact]
    public void Trades_without_id_are_told_apart_by_time_price_size_and_side()
    {
        var dedup = new TradeDeduplicator(100);
        var trade = Trade(id: string.Empty, venue: Venue.KrakenV1, price: 42000.1m, size: 0.5m, side: TradeSide.Sell);

        Assert.True(dedup.IsNew(trade));
        Assert.False(dedup.IsNew(trade with { }));

        // 0.50 and 0.5 are the same size.
        Assert.False(dedup.IsNew(trade with { Size = 0.50m }));
        Assert.True(dedup.IsNew(trade with { Timestamp = trade.Timestamp + 1 }));
        Assert.True(dedup.IsNew(trade with { Price = 42000.2m }));
        Assert.True(dedup.IsNew(trade with { Size = 0.6m }));
        Assert.True(dedup.IsNew(trade with { Side = TradeSide.Buy }));
        Assert.Equal(2, dedup.Duplicates);
        Assert.Equal(5, dedup.Unique);
    }

    [Fact]
    public void Memory_is_bounded_per_instrument_and_the_oldest_key_is_forgotten_first()
    {
        var dedup = new TradeDeduplicator(3);
        foreach (var id in new[] { "1", "2", "3", "4" })
        {
            Assert.True(dedup.IsNew(Trade(id: id)));
        }

        // "1" fell out of the ring of three; "2" to "4" are still known.
        Assert.False(dedup.IsNew(Trade(id: "4")));
        Assert.False(dedup.IsNew(Trade(id: "2")));
        Assert.True(dedup.IsNew(Trade(id: "1")));

        // Re-adding "1" pushed out "2".
        Assert.True(dedup.IsNew(Trade(id: "2")));
    }

    [Fact]
    public void Numeric_ids_are_told_apart_exactly_as_their_strings_are()
    {
        var dedup = new TradeDeduplicator(100);

        Assert.True(dedup.IsNew(Trade(id: "7")));

        // A leading zero, a sign, a 19-digit id and a UUID are other strings than any number's canonical form.
        Assert.True(dedup.IsNew(Trade(id: "07")));
        Assert.True(dedup.IsNew(Trade(id: "+7")));
        Assert.True(dedup.IsNew(Trade(id: "1234567890123456789")));
        Assert.True(dedup.IsNew(Trade(id: "123456789012345678")));
        Assert.True(dedup.IsNew(Trade(id: "a9188a0a-82bc-50de-be60-03eedbe3cdd7")));
        Assert.True(dedup.IsNew(Trade(id: "0")));

        Assert.False(dedup.IsNew(Trade(id: "7")));
        Assert.False(dedup.IsNew(Trade(id: "07")));
        Assert.False(dedup.IsNew(Trade(id: "+7")));
        Assert.False(dedup.IsNew(Trade(id: "1234567890123456789")));
        Assert.False(dedup.IsNew(Trade(id: "123456789012345678")));
        Assert.False(dedup.IsNew(Trade(id: "a9188a0a-82bc-50de-be60-03eedbe3cdd7")));
        Assert.False(dedup.IsNew(Trade(id: "0")));
        Assert.Equal(7, dedup.Unique);
    }

    [Fact]
    public void Numeric_and_other_keys_leave_the_history_in_arrival_order()
    {
        var dedup = new TradeDeduplicator(3);
        var noId = Trade(id: string.Empty, venue: Venue.KrakenV1, price: 42000.1m, size: 0.5m);
        Assert.True(dedup.IsNew(Trade(id: "1")));
        Assert.True(dedup.IsNew(Trade(id: "uuid-a")));
        Assert.True(dedup.IsNew(noId));
        Assert.True(dedup.IsNew(Trade(id: "2")));

        // "1" was the oldest and left; the other three are still known, whatever their form.
        Assert.False(dedup.IsNew(Trade(id: "uuid-a")));
        Assert.False(dedup.IsNew(noId with { }));
        Assert.False(dedup.IsNew(Trade(id: "2")));
        Assert.True(dedup.IsNew(Trade(id: "1")));

        // Re-adding "1" pushed out "uuid-a"; re-adding that pushed out the id-less trade, whose return pushed out "2".
        Assert.True(dedup.IsNew(Trade(id: "uuid-a")));
        Assert.True(dedup.IsNew(noId with { }));
        Assert.True(dedup.IsNew(Trade(id: "2")));
    }

    [Fact]
    public void A_non_positive_capacity_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TradeDeduplicator(0));
    }
}
