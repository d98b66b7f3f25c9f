using TgeSwarm.Grains.Market.Validation;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>A detector seeded with a remembered baseline checks its warm-up's trades; its own window takes over after it.</summary>
public sealed class PriceAnomalySeedingTests
{
    private const int WarmUp = 30;
    private const double Threshold = 12;

    // A calm market: log moves of about 0.1 % (σ), so the scale is about 0.001 and the median about 0.
    private const double CalmMedian = 0.0;
    private const double CalmScale = 0.001;

    private static PriceAnomalyDetector Detector() => new(window: 200, WarmUp, Threshold, minMove: 0.01, confirmations: 5);

    [Fact]
    public void A_seeded_detector_rejects_a_20_percent_spike_on_its_first_trades_where_an_unseeded_one_accepts_it()
    {
        var seeded = Detector();
        var unseeded = Detector();
        Assert.True(seeded.Seed(CalmMedian, CalmScale));

        // The first trade only sets the reference (a baseline holds no price); the second is the spike.
        Assert.Equal(AnomalyVerdict.Accepted, seeded.Observe(100m, out _));
        Assert.Equal(AnomalyVerdict.Rejected, seeded.Observe(120m, out var score));
        Assert.Equal(AnomalyVerdict.Accepted, unseeded.Observe(100m, out _));
        Assert.Equal(AnomalyVerdict.Accepted, unseeded.Observe(120m, out _));

        Assert.Equal(Math.Log(1.2), score.Move, 12);
        Assert.Equal((CalmMedian, CalmScale), (score.Median, score.Scale));
        Assert.Equal(Math.Log(1.2) / CalmScale, score.Z, 6);

        // The rejected print neither moved the reference nor entered the window: the next ordinary trade passes.
        Assert.Equal(AnomalyVerdict.Accepted, seeded.Observe(100.05m, out _));
        Assert.Equal(1, seeded.Moves);
        Assert.True(seeded.IsSeeded);
    }

    [Fact]
    public void A_move_within_the_minimum_passes_a_seeded_detector_whatever_its_z_score()
    {
        var detector = Detector();
        detector.Seed(CalmMedian, CalmScale);
        detector.Observe(100m, out _);

        // 0.9 % is nine σ of the seed, but within the 1 % minimum move.
        Assert.Equal(AnomalyVerdict.Accepted, detector.Observe(100.9m, out var score));
        Assert.Equal(default, score);
    }

    [Fact]
    public void A_real_level_change_is_confirmed_under_a_seed_as_under_a_learned_baseline()
    {
        var detector = Detector();
        detector.Seed(CalmMedian, CalmScale);
        detector.Observe(100m, out _);

        var verdicts = new[] { 120m, 120.1m, 119.9m, 120.2m, 120m, 120.1m }.Select(p => detector.Observe(p, out _)).ToArray();

        Assert.Equal(
            [AnomalyVerdict.Rejected, AnomalyVerdict.Rejected, AnomalyVerdict.Rejected, AnomalyVerdict.Rejected, AnomalyVerdict.Reanchored, AnomalyVerdict.Accepted],
            verdicts);
    }

    [Fact]
    public void The_own_window_takes_over_from_the_seed_once_it_holds_the_warm_up()
    {
        var detector = Detector();
        detector.Seed(CalmMedian, CalmScale);
        detector.Observe(100m, out _);

        // Moves of ±0.9 %: each within the minimum, so accepted under the seed, and far wider than the seed's σ.
        var price = 100.0;
        for (var i = 0; i < WarmUp - 1; i++)
        {
            price *= Math.Exp(i % 2 == 0 ? 0.009 : -0.009);
            Assert.Equal(AnomalyVerdict.Accepted, detector.Observe((decimal)price, out _));
        }

        // One move short of the warm-up, a 3 % move is 30 σ of the seed: rejected.
        Assert.True(detector.IsSeeded);
        Assert.Equal(AnomalyVerdict.Rejected, detector.Observe((decimal)(price * Math.Exp(0.03)), out _));

        // The warm-up's last move evens the window out at 15 up and 15 down: median about 0, MAD about 0.009.
        price *= Math.Exp(-0.009);
        Assert.Equal(AnomalyVerdict.Accepted, detector.Observe((decimal)price, out _));

        // Now the window's own scale (about 1.4826 · 0.009) rates the same 3 % move near 2 σ.
        Assert.False(detector.IsSeeded);
        Assert.True(detector.TryGetBaseline(out var own));
        Assert.False(own.Recalled);
        Assert.Equal(WarmUp, own.Moves);
        Assert.Equal(AnomalyVerdict.Accepted, detector.Observe((decimal)(price * Math.Exp(0.03)), out var score));
        Assert.Equal((own.Median, own.Scale), (score.Median, score.Scale));
    }

    [Fact]
    public void The_baseline_read_back_is_the_one_the_z_score_uses_whether_seeded_or_learned()
    {
        var detector = Detector();
        Assert.False(detector.TryGetBaseline(out _));

        detector.Seed(0.0002, 0.0015);
        Assert.True(detector.TryGetBaseline(out var seed));
        Assert.Equal(new AnomalyBaseline(0.0002, 0.0015, 0, Recalled: true), seed);
        detector.Observe(100m, out _);
        detector.Observe(150m, out var seededScore);
        Assert.Equal((seed.Median, seed.Scale), (seededScore.Median, seededScore.Scale));

        var random = new Random(11);
        var price = 100.0;
        for (var i = 0; i < 120; i++)
        {
            price *= Math.Exp(0.001 * (random.NextDouble() - 0.5));
            detector.Observe((decimal)Math.Round(price, 6), out _);
        }

        Assert.True(detector.TryGetBaseline(out var learned));
        Assert.False(learned.Recalled);
        Assert.Equal(detector.Moves, learned.Moves);
        Assert.True(learned.Scale > 0);
        Assert.Equal(AnomalyVerdict.Rejected, detector.Observe((decimal)Math.Round(price * 1.2, 6), out var learnedScore));
        Assert.Equal((learned.Median, learned.Scale), (learnedScore.Median, learnedScore.Scale));
    }

    [Fact]
    public void A_seed_offered_after_warm_up_is_refused_and_changes_nothing()
    {
        var detector = Detector();
        for (var i = 0; i <= WarmUp; i++)
        {
            detector.Observe(100m + (i % 3 * 0.05m), out _);
        }

        Assert.True(detector.TryGetBaseline(out var before));

        Assert.False(detector.Seed(0.5, 10));
        Assert.True(detector.TryGetBaseline(out var after));
        Assert.Equal(before, after);
        Assert.False(detector.IsSeeded);
    }

    [Theory]
    [InlineData(double.NaN, 0.001, "median")]
    [InlineData(double.PositiveInfinity, 0.001, "median")]
    [InlineData(0.0, 0.0, "scale")]
    [InlineData(0.0, -0.001, "scale")]
    [InlineData(0.0, double.PositiveInfinity, "scale")]
    public void A_seed_that_could_not_score_is_an_argument_error(double median, double scale, string parameter)
    {
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => Detector().Seed(median, scale)).ParamName);
    }
}
