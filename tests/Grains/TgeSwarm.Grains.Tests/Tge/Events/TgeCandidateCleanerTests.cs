using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Tge.Keywords;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Grains.Tests.Tge.Events;

public sealed class TgeCandidateCleanerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_clean_candidate_keeps_its_fields_and_is_cut_to_microseconds()
    {
        var seen = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);
        var item = TgeItems.Item("okx", "42", "OKX to list <i>Bar</i> (BAR)", "zh-CN", seen, link: "https://www.okx.com/help/bar listing");

        Assert.True(TgeCandidateCleaner.TryClean(TgeItems.Candidate("bar", item, "BAR", "Bar", venue: "OKX"), "bar", Now, out var clean, out var reason), reason);

        Assert.Equal("OKX to list Bar (BAR)", clean.Sighting.Title);
        Assert.Equal("https://www.okx.com/help/bar%20listing", clean.Sighting.Link);
        Assert.Equal("zh-CN", clean.Sighting.Language);
        Assert.Equal(seen.AddTicks(-7), clean.Sighting.SeenAt);
        Assert.Equal("BAR", clean.Symbol);
        Assert.Equal("OKX", clean.Venue);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/x")]
    [InlineData("https://user:pass@example.com/")]
    [InlineData("/relative/path")]
    public void Unsafe_links_are_dropped(string link)
    {
        var item = TgeItems.Item("s", "1", "Binance Will List Foo (FOO)", link: link);

        Assert.True(TgeCandidateCleaner.TryClean(TgeItems.Candidate("foo", item, "FOO"), "foo", Now, out var clean, out _));
        Assert.Null(clean.Sighting.Link);
    }

    [Theory]
    [InlineData("en<script>")]
    [InlineData("englishlanguage")]
    public void Malformed_language_tags_are_dropped(string language)
    {
        var item = TgeItems.Item("s", "1", "Binance Will List Foo (FOO)", language);

        Assert.True(TgeCandidateCleaner.TryClean(TgeItems.Candidate("foo", item, "FOO"), "foo", Now, out var clean, out _));
        Assert.Null(clean.Sighting.Language);
    }

    [Fact]
    public void Invalid_candidates_are_refused_with_a_reason()
    {
        var item = TgeItems.Item("s", "1", "Binance Will List Foo (FOO)");
        var good = TgeItems.Candidate("foo", item, "FOO");

        Assert.Equal("slug-mismatch", Refused(good, "bar"));
        Assert.Equal("invalid-slug", Refused(good with { TokenSlug = "FOO" }, "FOO"));
        Assert.Equal("not-tge", Refused(good with { Classification = good.Classification with { IsTge = false } }, "foo"));
        Assert.Equal("bad-kind", Refused(good with { Classification = good.Classification with { Kind = TgeKind.None } }, "foo"));
        Assert.Equal("bad-confidence", Refused(good with { Classification = good.Classification with { Confidence = double.NaN } }, "foo"));
        Assert.Equal("bad-confidence", Refused(good with { Classification = good.Classification with { Confidence = 1.5 } }, "foo"));
        Assert.Equal("empty-title", Refused(good with { Item = item with { Title = "<p> </p>" } }, "foo"));
        Assert.Equal("missing-source", Refused(good with { Item = item with { SourceId = "\u0001" } }, "foo"));
        Assert.Equal("missing-item", Refused(good with { Item = item with { ItemId = "" } }, "foo"));
    }

    private static string Refused(TgeCandidate candidate, string key)
    {
        Assert.False(TgeCandidateCleaner.TryClean(candidate, key, Now, out _, out var reason));
        return reason;
    }
}
