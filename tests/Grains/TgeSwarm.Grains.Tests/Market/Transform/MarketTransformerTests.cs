using TgeSwarm.Feeds;
using TgeSwarm.Grains.Market.Transform;
using static TgeSwarm.Grains.Tests.Market.Validation.TestMarketEvents;

namespace TgeSwarm.Grains.Tests.Market.Transform;

public sealed class MarketTransformerTests
{
    [Fact]
    public void Events_are_grouped_by_instrument_in_order_of_first_arrival_and_in_arrival_order_within()
    {
        var transformer = new MarketTransformer();
        var eth1 = Trade(instrument: "ETH-USDT", id: "e1");
        var btc1 = Trade(instrument: "BTC-USDT", id: "b1");
        var ethBook = Book(instrument: "ETH-USDT");
        var eth2 = Trade(instrument: "ETH-USDT", id: "e2");
        transformer.Add(eth1);
        transformer.Add(btc1);
        transformer.Add(ethBook);
        transformer.Add(eth2);
        Assert.Equal(4, transformer.Pending);

        var batches = transformer.Drain();

        Assert.Equal(["ETH-USDT", "BTC-USDT"], batches.Select(b => b.Instrument));
        Assert.Equal([eth1, eth2], batches[0].Trades);
        Assert.Equal([ethBook], batches[0].Books);
        Assert.Equal([btc1], batches[1].Trades);
        Assert.Empty(batches[1].Books);
        Assert.Equal(0, transformer.Pending);
    }

    [Fact]
    public void A_drain_holds_only_what_arrived_since_the_last_one()
    {
        var transformer = new MarketTransformer();
        transformer.Add(Trade(instrument: "BTC-USDT", id: "1"));
        transformer.Add(Trade(instrument: "ETH-USDT", id: "2"));
        var first = transformer.Drain();

        Assert.Empty(transformer.Drain());

        var late = Trade(instrument: "ETH-USDT", id: "3");
        transformer.Add(late);
        var second = Assert.Single(transformer.Drain());

        Assert.Equal("ETH-USDT", second.Instrument);
        Assert.Equal([late], second.Trades);

        // The first drain's batches are unaffected by the reuse of the buffers.
        Assert.Equal(2, first.Count);
        Assert.Equal("2", Assert.Single(first[1].Trades).TradeId);
    }

    [Fact]
    public void An_event_already_in_normal_form_is_passed_on_as_the_same_instance()
    {
        var transformer = new MarketTransformer();
        var trade = Trade(instrument: "BTC-USDT");
        var book = Book(instrument: "BTC-USDT");
        transformer.Add(trade);
        transformer.Add(book);

        var batch = Assert.Single(transformer.Drain());

        Assert.Same(trade, Assert.Single(batch.Trades));
        Assert.Same(book, Assert.Single(batch.Books));
        Assert.Equal(0, transformer.Renamed);
    }

    [Theory]
    [InlineData("UNI-USD-SWAP", "UNI-USD-PERP")]
    [InlineData("XBT-USD", "BTC-USD")]
    [InlineData("XDG/USD", "DOGE-USD")]
    [InlineData("btc_usdt", "BTC-USDT")]
    [InlineData("BTC-USD-220527", "BTC-USD-220527")]
    [InlineData("BTC-USDT-PERP", "BTC-USDT-PERP")]
    public void Instrument_names_end_in_one_form(string given, string expected)
    {
        var transformer = new MarketTransformer();
        transformer.Add(Trade(instrument: given));
        transformer.Add(Book(instrument: given));

        var batch = Assert.Single(transformer.Drain());

        Assert.Equal(expected, batch.Instrument);
        Assert.Equal(expected, Assert.Single(batch.Trades).Instrument);
        Assert.Equal(expected, Assert.Single(batch.Books).Instrument);
        Assert.Equal(given == expected ? 0 : 2, transformer.Renamed);
    }

    [Fact]
    public void Aliases_of_one_instrument_land_in_one_batch()
    {
        var transformer = new MarketTransformer();
        transformer.Add(Trade(instrument: "XBT-USD", id: "1"));
        transformer.Add(Trade(instrument: "BTC-USD", id: "2"));

        var batch = Assert.Single(transformer.Drain());

        Assert.Equal(["1", "2"], batch.Trades.Select(t => t.TradeId));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(1_700_000_000_000L)]
    public void Events_without_a_time_in_UTC_microseconds_are_dropped_and_counted(long timestamp)
    {
        var transformer = new MarketTransformer();
        transformer.Add(Trade(timestamp: timestamp));
        transformer.Add(Book(timestamp: timestamp));

        Assert.Empty(transformer.Drain());
        Assert.Equal(2, transformer.MissingTimestamps);
    }

    [Fact]
    public void Rounds_of_adding_and_draining_keep_each_round_apart()
    {
        var transformer = new MarketTransformer();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 100; i++)
            {
                transformer.Add(Trade(instrument: (i % 2 == 0) ? "BTC-USDT" : "ETH-USDT", id: $"{round}-{i}"));
            }

            var batches = transformer.Drain();
            Assert.Equal(2, batches.Count);
            Assert.All(batches, b => Assert.Equal(50, b.Trades.Length));
        }

        Assert.Equal(0, transformer.Pending);
    }
}
