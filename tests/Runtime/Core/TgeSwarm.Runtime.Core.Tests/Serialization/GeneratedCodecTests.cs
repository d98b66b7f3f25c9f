using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Serialization;

public sealed class GeneratedCodecTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void A_positional_record_with_ids_on_its_parameters_round_trips()
    {
        var trade = new Trade("BTC-USDT", 64123.45m, 3, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), TradeSide.Sell);

        Assert.Equal(trade, _serializer.RoundTrip(trade));
    }

    [Fact]
    public void Private_fields_get_only_properties_and_private_setters_round_trip()
    {
        var key = Guid.NewGuid();

        var copy = _serializer.RoundTrip(new Sealed(41, "label", key));

        Assert.Equal((41, "label", key), (copy.Secret, copy.Label, copy.Key));
    }

    [Fact]
    public void A_readonly_record_struct_with_a_nullable_member_round_trips()
    {
        var reading = new Reading(1.5, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)), null);

        Assert.Equal(reading, _serializer.RoundTrip(reading));
        Assert.Equal(reading with { Quality = 3 }, _serializer.RoundTrip(reading with { Quality = 3 }));
    }

    [Fact]
    public void Nested_generated_types_inside_collections_round_trip()
    {
        var book = new OrderBookV2
        {
            Instrument = "ETH-USDT",
            Depth = 20,
            Trades = [new Trade("ETH-USDT", 1.5m, 2, DateTime.UnixEpoch, TradeSide.Buy)],
            Precision = 4,
            Levels = new() { ["1.5"] = 2m },
        };

        var copy = _serializer.RoundTrip(book);

        Assert.Equal((book.Instrument, book.Depth, book.Precision), (copy.Instrument, copy.Depth, copy.Precision));
        Assert.Equal(book.Trades, copy.Trades);
        Assert.Equal(2m, copy.Levels!["1.5"]);
    }

    [Fact]
    public void A_generated_enum_round_trips_and_is_registered_under_its_full_name()
    {
        var codecs = _serializer.Codecs;

        Assert.Equal(TradeSide.Sell, _serializer.RoundTrip(TradeSide.Sell));
        Assert.Equal("TgeSwarm.Runtime.Tests.Serialization.Contracts.TradeSide", codecs.GetAlias(typeof(TradeSide)));
        Assert.Equal("test.shape", codecs.GetAlias(typeof(Shape)));
    }

    [Fact]
    public void A_derived_type_serializes_the_members_of_its_base_type()
    {
        var circle = _serializer.RoundTrip(new Circle { Name = "wheel", Radius = 2.5 });

        Assert.Equal(("wheel", 2.5), (circle.Name, circle.Radius));
    }
}
