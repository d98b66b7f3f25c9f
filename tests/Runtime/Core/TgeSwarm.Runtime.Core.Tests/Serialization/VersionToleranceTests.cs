using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Serialization;

/// <summary>OrderBookV1 and OrderBookV2 are two versions of one contract: same ids, different members.</summary>
public sealed class VersionToleranceTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void An_older_reader_skips_members_it_does_not_know_including_nested_objects()
    {
        var newer = new OrderBookV2
        {
            Instrument = "SOL-USDT",
            Depth = 50,
            Trades = [new Trade("SOL-USDT", 150m, 1, DateTime.UnixEpoch, TradeSide.Buy)],
            Precision = 2,
            Levels = new() { ["150"] = 3m },
        };

        var older = _serializer.Deserialize<OrderBookV1>(_serializer.SerializeToArray(newer));

        Assert.Equal(("SOL-USDT", 50), (older.Instrument, older.Depth));
    }

    [Fact]
    public void A_newer_reader_keeps_initializer_defaults_for_members_missing_from_old_data()
    {
        var older = new OrderBookV1 { Instrument = "BTC-USDT", Depth = 10 };

        var newer = _serializer.Deserialize<OrderBookV2>(_serializer.SerializeToArray(older));

        Assert.Equal(("BTC-USDT", 10, 8), (newer.Instrument, newer.Depth, newer.Precision));
        Assert.Empty(newer.Trades);
        Assert.Null(newer.Levels);
    }

    [Fact]
    public void An_int_written_by_an_older_version_reads_as_a_long()
    {
        var bytes = _serializer.SerializeToArray(int.MinValue);

        Assert.Equal(int.MinValue, _serializer.Deserialize<long>(bytes));
    }

    [Fact]
    public void A_long_too_large_for_an_int_fails_instead_of_wrapping()
    {
        var bytes = _serializer.SerializeToArray(long.MaxValue);

        Assert.Throws<SerializationException>(() => _serializer.Deserialize<int>(bytes));
    }
}
