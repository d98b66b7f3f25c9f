using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime.Testing;
using static TgeSwarm.Grains.Tests.Market.Validation.TestMarketEvents;

namespace TgeSwarm.Grains.Tests.Market.Validation;

public sealed class PriceAnomalyTests
{
    private readonly Random _random = new(5);
    private int _nextId;

    private static MarketValidator Validator(Action<MarketValidationOptions>? configure = null)
    {
        var options = new MarketValidationOptions();
        configure?.Invoke(options);
        return new MarketValidator(options, new FakeTimeProvider(Start));
    }

    /// <summary>Feeds a random walk of log moves with a standard deviation of 0.1 % and returns the last price.</summary>
    private decimal Walk(MarketValidator validator, int trades, decimal from = 100m, string instrument = "BTC-USDT")
    {
        var price = (double)from;
        for (var i = 0; i < trades; i++)
        {
            price *= Math.Exp(0.001 * Gaussian());
            Assert.True(validator.TryValidate(Trade((decimal)Math.Round(price, 6), instrument: instrument, id: NextId()), out var reason), $"trade {i} at {price} rejected: {reason}");
        }

        return (decimal)Math.Round(price, 6);
    }

    private bool Accept(MarketValidator validator, decimal price, out string? reason) =>
        validator.TryValidate(Trade(price, id: NextId()), out reason);

    private string NextId() => (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    [Fact]
    public void A_price_far_outside_the_recent_moves_is_rejected_and_does_not_move_the_reference()
    {
        var validator = Validator();
        var last = Walk(validator, 200);

        Assert.False(validator.TryValidate(Trade(last * 1.5m, id: "bad"), out var reason, out var detail));
        Assert.Equal(ValidationReasons.PriceAnomaly, reason);
        Assert.Contains("|z|", detail, StringComparison.Ordinal);

        // The next ordinary trade is measured against the last accepted price, not against the bad print.
        Assert.True(Accept(validator, last * 1.001m, out _));
        Assert.Equal(1, validator.Statistics.RejectedByReason[ValidationReasons.PriceAnomaly]);
    }

    [Fact]
    public void A_move_of_ordinary_size_is_accepted_after_warm_up()
    {
        var validator = Validator();
        var last = Walk(validator, 200);

        // Three standard deviations: unusual, but far below the threshold of 12.
        Assert.True(Accept(validator, last * 1.003m, out _));
    }

    [Fact]
    public void Nothing_is_an_anomaly_during_warm_up()
    {
        var validator = Validator(o => o.PriceAnomalyWarmUp = 30);

        // 30 moves are taken unchecked, however wild.
        for (var i = 0; i <= 30; i++)
        {
            Assert.True(Accept(validator, i % 2 == 0 ? 100m : 1000m, out _));
        }
    }

    [Fact]
    public void A_flat_history_has_zero_MAD_yet_small_ticks_pass_and_a_jump_does_not()
    {
        var validator = Validator();
        for (var i = 0; i < 50; i++)
        {
            Assert.True(Accept(validator, 100m, out _));
        }

        // Every recent move is zero, so any other move has an infinite z-score; the minimum move of 1 % decides.
        Assert.True(Accept(validator, 100.5m, out _));
        Assert.True(Accept(validator, 100m, out _));
        Assert.False(Accept(validator, 150m, out var reason));
        Assert.Equal(ValidationReasons.PriceAnomaly, reason);
    }

    [Fact]
    public void A_real_level_change_is_taken_after_the_confirmations_and_counted()
    {
        var validator = Validator(o => o.PriceAnomalyConfirmations = 5);
        Walk(validator, 200);

        // The market doubles and stays there: four rejected, the fifth consistent trade re-anchors.
        var results = new List<bool>();
        foreach (var price in new[] { 200m, 200.1m, 199.9m, 200.2m, 200m, 200.1m })
        {
            results.Add(Accept(validator, price, out _));
        }

        Assert.Equal([false, false, false, false, true, true], results);
        Assert.Equal(1, validator.Statistics.Reanchors);
        Assert.Equal(4, validator.Statistics.RejectedByReason[ValidationReasons.PriceAnomaly]);
    }

    [Fact]
    public void Scattered_bad_prices_never_confirm_each_other()
    {
        var validator = Validator(o => o.PriceAnomalyConfirmations = 3);
        Walk(validator, 200);

        foreach (var price in new[] { 200m, 50m, 300m, 20m, 250m, 30m, 400m, 10m })
        {
            Assert.False(Accept(validator, price, out var reason));
            Assert.Equal(ValidationReasons.PriceAnomaly, reason);
        }

        Assert.Equal(0, validator.Statistics.Reanchors);
    }

    [Fact]
    public void A_good_trade_breaks_a_run_of_anomalies()
    {
        var validator = Validator(o => o.PriceAnomalyConfirmations = 3);
        var last = Walk(validator, 200);

        Assert.False(Accept(validator, 200m, out _));
        Assert.False(Accept(validator, 200m, out _));
        Assert.True(Accept(validator, last, out _));

        // The run starts over: two more at 200 are still rejected.
        Assert.False(Accept(validator, 200m, out _));
        Assert.False(Accept(validator, 200m, out _));
        Assert.True(Accept(validator, 200m, out _));
    }

    [Fact]
    public void Instruments_keep_separate_histories()
    {
        var validator = Validator();
        Walk(validator, 200, from: 100m, instrument: "BTC-USDT");

        // ETH's first trades are in warm-up, whatever BTC's level.
        Assert.True(validator.TryValidate(Trade(3000m, instrument: "ETH-USDT", id: "e1"), out _));
        Assert.True(validator.TryValidate(Trade(30m, instrument: "ETH-USDT", id: "e2"), out _));
        Assert.Equal(2, validator.TrackedInstruments);
    }

    [Fact]
    public void A_trade_rejected_for_another_reason_leaves_the_history_alone()
    {
        var validator = Validator();
        var last = Walk(validator, 200);

        Assert.False(validator.TryValidate(Trade(last * 10m, size: 0m, id: "zero"), out var reason));
        Assert.Equal(ValidationReasons.NonPositiveSize, reason);

        Assert.True(Accept(validator, last, out _));
        Assert.False(Accept(validator, last * 10m, out reason));
        Assert.Equal(ValidationReasons.PriceAnomaly, reason);
    }

    [Fact]
    public void A_null_threshold_turns_the_check_off()
    {
        var validator = Validator(o => o.PriceAnomalyThreshold = null);
        Walk(validator, 200);

        Assert.True(Accept(validator, 1_000_000m, out _));
        Assert.Equal(0, validator.TrackedInstruments);
    }
}
