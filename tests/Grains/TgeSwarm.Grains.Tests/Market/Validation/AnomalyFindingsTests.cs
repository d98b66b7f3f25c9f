using System.Text.Json;
using TgeSwarm.Grains.Market.Validation;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>How an instrument's anomaly baseline reads and writes in memory namespace <c>market.anomalies</c>, and when it is worth writing again.</summary>
public sealed class AnomalyFindingsTests
{
    private static readonly DateTimeOffset LearnedAt = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_finding_is_written_in_camel_case_and_reads_back_exactly()
    {
        var finding = new AnomalyFinding(-0.000012345678901234567, 0.0004567890123456789, 200, 12, LearnedAt);

        var json = AnomalyFindings.Write(finding);

        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal(
                ["median", "scale", "moves", "threshold", "learnedAt"],
                document.RootElement.EnumerateObject().Select(static p => p.Name));
            Assert.Equal(LearnedAt, document.RootElement.GetProperty("learnedAt").GetDateTimeOffset());
        }

        Assert.True(AnomalyFindings.TryRead(json, out var read, out var why));
        Assert.Null(why);
        Assert.Equal(finding, read);
        Assert.Equal(("binance:BTC-USDT", "binance:"), (AnomalyFindings.Key("binance", "BTC-USDT"), AnomalyFindings.Prefix("binance")));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"a baseline\"")]
    [InlineData("null")]
    [InlineData("""{"median":0,"moves":200,"threshold":12,"learnedAt":"2026-11-22T09:30:00+00:00"}""")]
    [InlineData("""{"median":0,"scale":"0.001","moves":200,"threshold":12,"learnedAt":"2026-11-22T09:30:00+00:00"}""")]
    [InlineData("""{"median":"NaN","scale":0.001,"moves":200,"threshold":12,"learnedAt":"2026-11-22T09:30:00+00:00"}""")]
    [InlineData("""{"median":0,"scale":0,"moves":200,"threshold":12,"learnedAt":"2026-11-22T09:30:00+00:00"}""")]
    [InlineData("""{"median":0,"scale":-0.001,"moves":200,"threshold":12,"learnedAt":"2026-11-22T09:30:00+00:00"}""")]
    [InlineData("""{"median":1e400,"scale":0.001,"moves":200,"threshold":12,"learnedAt":"2026-11-22T09:30:00+00:00"}""")]
    public void A_value_that_cannot_seed_a_detector_is_refused_with_a_reason_and_never_throws(string value)
    {
        Assert.False(AnomalyFindings.TryRead(value, out _, out var why));
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void A_baseline_is_worth_writing_again_when_its_scale_or_median_moved_by_more_than_one_percent_of_the_scale()
    {
        var last = new AnomalyFinding(0, 0.001, 200, 12, LearnedAt);

        Assert.False(AnomalyFindings.Moved(last, new AnomalyBaseline(0, 0.001, 200, false)));
        Assert.False(AnomalyFindings.Moved(last, new AnomalyBaseline(0.000009, 0.001009, 200, false)));
        Assert.True(AnomalyFindings.Moved(last, new AnomalyBaseline(0, 0.001011, 200, false)));
        Assert.True(AnomalyFindings.Moved(last, new AnomalyBaseline(0, 0.000989, 200, false)));
        Assert.True(AnomalyFindings.Moved(last, new AnomalyBaseline(-0.000011, 0.001, 200, false)));
    }
}
