using TgeSwarm.Feeds;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime.Testing;
using static TgeSwarm.Grains.Tests.Market.Validation.TestMarketEvents;

namespace TgeSwarm.Grains.Tests.Market.Validation;

public sealed class MarketValidatorTradeTests
{
    private readonly FakeTimeProvider _time = new(Start);

    private MarketValidator Validator(Action<MarketValidationOptions>? configure = null)
    {
        var options = new MarketValidationOptions();
        configure?.Invoke(options);
        return new MarketValidator(options, _time);
    }

    [Fact]
    public void A_well_formed_trade_is_accepted_and_counted()
    {
        var validator = Validator();

        Assert.True(validator.TryValidate(Trade(), out var reason));

        Assert.Null(reason);
        Assert.Equal(1, validator.Statistics.AcceptedTrades);
        Assert.Equal(0, validator.Statistics.Rejected);
    }

    public static TheoryData<string, Trade> BadTrades => new()
    {
        { ValidationReasons.Schema, Trade(instrument: string.Empty) },
        { ValidationReasons.Schema, Trade(id: string.Empty) },
        { ValidationReasons.Schema, Trade(id: null!) },
        { ValidationReasons.Schema, Trade(side: (TradeSide)7) },
        { ValidationReasons.Schema, Trade(timestamp: 0) },
        { ValidationReasons.Schema, Trade(timestamp: StartMicros / 1000) },
        { ValidationReasons.NonPositivePrice, Trade(price: 0m) },
        { ValidationReasons.NonPositivePrice, Trade(price: -1m) },
        { ValidationReasons.NonPositiveSize, Trade(size: 0m) },
        { ValidationReasons.NonPositiveSize, Trade(size: -0.5m) },
        { ValidationReasons.FutureTimestamp, Trade(timestamp: StartMicros + 5_000_001) },
        { ValidationReasons.StaleTimestamp, Trade(timestamp: StartMicros - 3_600_000_001) },
    };

    [Theory]
    [MemberData(nameof(BadTrades))]
    public void Each_kind_of_bad_trade_is_rejected_with_its_reason_and_counted(string expected, Trade trade)
    {
        var validator = Validator();

        Assert.False(validator.TryValidate(trade, out var reason, out var detail));

        Assert.Equal(expected, reason);
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.Equal(0, validator.Statistics.AcceptedTrades);
        Assert.Equal(1, validator.Statistics.Rejected);
        Assert.Equal(1, Assert.Single(validator.Statistics.RejectedByReason, r => r.Key == expected).Value);
    }

    [Fact]
    public void Trades_at_the_edge_of_the_allowed_skew_and_age_are_accepted()
    {
        var validator = Validator();

        Assert.True(validator.TryValidate(Trade(timestamp: StartMicros + 5_000_000), out _));
        Assert.True(validator.TryValidate(Trade(timestamp: StartMicros - 3_600_000_000), out _));
    }

    [Fact]
    public void Time_checks_follow_the_injected_clock()
    {
        var validator = Validator();
        var trade = Trade(timestamp: StartMicros + 10_000_000);
        Assert.False(validator.TryValidate(trade, out var reason));
        Assert.Equal(ValidationReasons.FutureTimestamp, reason);

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(validator.TryValidate(trade, out _));
    }

    [Fact]
    public void Disabled_time_checks_accept_a_recording_from_2021()
    {
        var validator = Validator(o =>
        {
            o.MaxAge = null;
            o.MaxClockSkew = null;
        });

        Assert.True(validator.TryValidate(Trade(timestamp: 1_618_678_135_123_456), out _));
        Assert.True(validator.TryValidate(Trade(timestamp: StartMicros + 86_400_000_000), out _));
    }

    [Fact]
    public void A_Kraken_v1_trade_without_id_is_accepted_but_other_venues_need_one()
    {
        var validator = Validator();

        Assert.True(validator.TryValidate(Trade(id: string.Empty, venue: Venue.KrakenV1), out _));
        Assert.False(validator.TryValidate(Trade(id: string.Empty, venue: Venue.KrakenV2), out var reason));
        Assert.Equal(ValidationReasons.Schema, reason);
    }

    [Fact]
    public void A_trade_with_unknown_side_is_accepted_and_counted_apart()
    {
        var validator = Validator();

        Assert.True(validator.TryValidate(Trade(side: TradeSide.Unknown), out _));
        Assert.True(validator.TryValidate(Trade(side: TradeSide.Sell), out _));

        Assert.Equal(2, validator.Statistics.AcceptedTrades);
        Assert.Equal(1, validator.Statistics.UnknownSides);
    }

    [Fact]
    public void Only_configured_instruments_pass_when_a_list_is_given()
    {
        var validator = Validator(o => o.Instruments.Add("ETH-USDT"));

        Assert.True(validator.TryValidate(Trade(instrument: "ETH-USDT"), out _));
        Assert.False(validator.TryValidate(Trade(instrument: "BTC-USDT"), out var reason, out var detail));

        Assert.Equal(ValidationReasons.UnknownInstrument, reason);
        Assert.Contains("BTC-USDT", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_failing_check_in_order_is_the_reason()
    {
        var validator = Validator(o => o.Instruments.Add("ETH-USDT"));

        // Unknown instrument, zero price, zero size and from the future at once: the instrument is checked first.
        Assert.False(validator.TryValidate(Trade(price: 0m, size: 0m, timestamp: StartMicros + 60_000_000), out var reason));
        Assert.Equal(ValidationReasons.UnknownInstrument, reason);

        Assert.False(validator.TryValidate(Trade(instrument: "ETH-USDT", price: 0m, size: 0m, timestamp: StartMicros + 60_000_000), out reason));
        Assert.Equal(ValidationReasons.NonPositivePrice, reason);
    }

    [Fact]
    public void Counters_add_up_per_reason()
    {
        var validator = Validator();

        validator.TryValidate(Trade(price: 0m), out _);
        validator.TryValidate(Trade(price: 0m), out _);
        validator.TryValidate(Trade(size: 0m), out _);
        validator.TryValidate(Trade(), out _);

        Assert.Equal(3, validator.Statistics.Rejected);
        Assert.Equal(2, validator.Statistics.RejectedByReason[ValidationReasons.NonPositivePrice]);
        Assert.Equal(1, validator.Statistics.RejectedByReason[ValidationReasons.NonPositiveSize]);
        Assert.Equal(1, validator.Statistics.AcceptedTrades);
    }

    [Fact]
    public void A_reject_record_names_venue_instrument_kind_reason_and_time()
    {
        var validator = Validator();
        var trade = Trade(price: -2m, venue: Venue.KrakenV1, instrument: "BTC-CHF");
        Assert.False(validator.TryValidate(trade, out var reason, out var detail));

        var reject = MarketRejects.Of(trade, reason, detail);

        Assert.Equal("kraken", reject.Venue);
        Assert.Equal("BTC-CHF", reject.Instrument);
        Assert.Equal("trade", reject.Kind);
        Assert.Equal(ValidationReasons.NonPositivePrice, reject.Reason);
        Assert.Equal("price -2", reject.Detail);
        Assert.Equal(StartMicros, reject.Timestamp);
    }
}
