using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Grains.Tests.Tge;

public sealed class TgeEventTimeTests(DefaultClassifierFixture fixture) : IClassFixture<DefaultClassifierFixture>
{
    private static readonly DateTimeOffset Published = new(2026, 3, 4, 9, 30, 0, TimeSpan.Zero);
    private readonly TgeClassifier _classifier = fixture.Classifier;

    [Theory]
    [InlineData("Binance Will List Foo (FOO) — trading opens 2026-03-05 10:00 (UTC)", "2026-03-05T10:00:00+00:00")]
    [InlineData("Binance Will List Foo (FOO) — trading opens 2026-03-05 10:00 (UTC+8)", "2026-03-05T10:00:00+08:00")]
    [InlineData("Kraken will list Foo (FOO) at 08:00 UTC on 2026-03-06", "2026-03-06T08:00:00+00:00")]
    [InlineData("HTX to List Foo (FOO) with Trading Starting at 10:00 UTC on February 20, 2026", "2026-02-20T10:00:00+00:00")]
    [InlineData("Upbit lists Foo (FOO): trading from 5 March 2026, 3:00 PM KST", "2026-03-05T15:00:00+09:00")]
    [InlineData("OKX to list Foo (FOO) for spot trading at 2026-03-05T06:30:00Z", "2026-03-05T06:30:00+00:00")]
    [InlineData("Bybit Will List Foo (FOO) — 2026-03-05 10:00 GMT-5", "2026-03-05T10:00:00-05:00")]
    [InlineData("Gate.io Will List Foo (FOO) at 2026-03-05 18:00 SGT", "2026-03-05T18:00:00+08:00")]
    public void Reads_the_date_the_time_and_the_zone(string title, string expected)
    {
        var verdict = _classifier.Classify(title, published: Published);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), verdict.EventTime);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, verdict.EventTime!.Value.Offset);
        Assert.Contains("time:zone", verdict.Reasons);
    }

    [Fact]
    public void A_time_without_a_date_takes_the_publication_day_or_the_next()
    {
        var later = _classifier.Classify("Kraken will list Foo (FOO) — trading opens at 10:00 UTC", published: Published);
        var passed = _classifier.Classify("Kraken will list Foo (FOO) — trading opens at 08:00 UTC", published: Published);
        var unknown = _classifier.Classify("Kraken will list Foo (FOO) — trading opens at 08:00 UTC");

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero), later.EventTime);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero), passed.EventTime);
        Assert.Null(unknown.EventTime);
    }

    [Fact]
    public void A_missing_zone_is_taken_as_utc_and_said_so()
    {
        var verdict = _classifier.Classify("Bybit Will List Foo (FOO) — trading starts 2026-03-05 10:00");

        Assert.Equal(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero), verdict.EventTime);
        Assert.Contains("time:zone-assumed-utc", verdict.Reasons);
    }

    [Fact]
    public void A_date_alone_is_midnight_utc_of_that_date()
    {
        var verdict = _classifier.Classify("Wormhole (W) token generation event scheduled for 2026-04-03");

        Assert.Equal(new DateTimeOffset(2026, 4, 3, 0, 0, 0, TimeSpan.Zero), verdict.EventTime);
        Assert.Contains("time:date-only", verdict.Reasons);
    }

    [Fact]
    public void Impossible_dates_and_clock_times_are_ignored()
    {
        var verdict = _classifier.Classify("Binance Will List Foo (FOO) on 2026-02-30 at 25:00 UTC");

        Assert.Null(verdict.EventTime);
    }
}
