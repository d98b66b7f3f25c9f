using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Serialization;

public sealed class MalformedInputTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void Every_truncation_of_a_valid_message_throws_a_serialization_exception()
    {
        var book = new OrderBookV2
        {
            Instrument = "BTC-USDT",
            Trades = [new Trade("BTC-USDT", 1m, 1, DateTime.UnixEpoch, TradeSide.Buy)],
            Levels = new() { ["1"] = 1m },
        };
        var bytes = _serializer.SerializeToArray(book);

        for (var length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<SerializationException>(() => _serializer.Deserialize<OrderBookV2>(bytes.AsSpan(0, length)));
            Assert.False(string.IsNullOrEmpty(error.Message));
        }
    }

    [Fact]
    public void Random_garbage_never_escapes_as_anything_but_a_serialization_exception()
    {
        var random = new Random(20240601);
        var failures = 0;
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(1, 64)];
            random.NextBytes(bytes);
            try
            {
                _serializer.Deserialize<OrderBookV2>(bytes);
            }
            catch (SerializationException)
            {
                failures++;
            }
        }

        Assert.InRange(failures, 4000, 5000);
    }

    [Fact]
    public void A_collection_claiming_more_elements_than_bytes_left_fails_before_allocating()
    {
        // Root field 0 as an object, its count field claiming 2^31 elements, then nothing.
        byte[] bytes = [0x04, 0x00, 0x80, 0x80, 0x80, 0x80, 0x08];

        var error = Assert.Throws<SerializationException>(() => _serializer.Deserialize<List<int>>(bytes));

        Assert.Contains("claims", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wire_type_that_does_not_match_the_declared_type_is_reported_with_both()
    {
        var bytes = _serializer.SerializeToArray("text");

        var error = Assert.Throws<SerializationException>(() => _serializer.Deserialize<int>(bytes));

        Assert.Contains("LengthPrefixed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_type_alias_is_a_serialization_exception_naming_it()
    {
        var bytes = _serializer.SerializeToArray<object>(new Circle { Name = "c" });
        var other = new SwarmSerializer(new CodecProvider(new CodeRegistry.SwarmCodeRegistry()));

        var error = Assert.Throws<SerializationException>(() => other.Deserialize<object>(bytes));

        Assert.Contains("Circle", error.Message, StringComparison.Ordinal);
    }
}
