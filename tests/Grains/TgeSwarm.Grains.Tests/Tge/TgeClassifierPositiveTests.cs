using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Grains.Tests.Tge;

public sealed class TgeClassifierPositiveTests(DefaultClassifierFixture fixture) : IClassFixture<DefaultClassifierFixture>
{
    private readonly TgeClassifier _classifier = fixture.Classifier;

    [Theory]
    [InlineData("Binance Will List Foo Finance (FOO) with Seed Tag Applied", TgeKind.Listing, "FOO", "Foo Finance", "Binance")]
    [InlineData("OKX to list Bar Protocol (BAR) for spot trading", TgeKind.Listing, "BAR", "Bar Protocol", "OKX")]
    [InlineData("New Listing: Baz (BAZ) — Deposit and Trade BAZ to Share a 100,000 USDT Prize Pool!", TgeKind.Listing, "BAZ", "Baz", null)]
    [InlineData("Coinbase will add support for Qux (QUX) on the Base network", TgeKind.Listing, "QUX", "Qux", "Coinbase")]
    [InlineData("Introducing Foo (FOO) on Binance Launchpool! Farm FOO by Staking BNB", TgeKind.Launchpool, "FOO", "Foo", "Binance")]
    [InlineData("Bybit Launchpad: Bar Network (BAR) — Commit MNT to Subscribe", TgeKind.Launchpad, "BAR", "Bar Network", "Bybit")]
    [InlineData("Introducing Baz (BAZ) on Binance Megadrop", TgeKind.Megadrop, "BAZ", "Baz", "Binance")]
    [InlineData("Introducing Qux (QUX) on Binance HODLer Airdrops! Earn QUX With Retroactive BNB Simple Earn Subscriptions", TgeKind.Airdrop, "QUX", "Qux", "Binance")]
    [InlineData("Foo Chain (FOO) token generation event set for next week", TgeKind.Tge, "FOO", "Foo Chain", null)]
    [InlineData("Bar (BAR) public token sale opens on Kraken", TgeKind.Sale, "BAR", "Bar", "Kraken")]
    public void Recognises_each_kind_with_its_symbol_name_and_venue(string title, TgeKind kind, string symbol, string name, string? venue)
    {
        var verdict = _classifier.Classify(title);

        Assert.True(verdict.IsTge, string.Join(' ', verdict.Reasons));
        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(symbol, verdict.Symbol);
        Assert.Equal(name, verdict.Name);
        Assert.Equal(venue, verdict.Venue);
        Assert.InRange(verdict.Confidence, _classifier.Rules.Threshold, 1);
    }

    [Fact]
    public void Several_tokens_in_one_title_give_the_first_symbol_and_the_others()
    {
        var verdict = _classifier.Classify("Binance Will List Genius Terminal (GENIUS) and OpenGradient (OPG) with Seed Tag Applied");

        Assert.Equal("GENIUS", verdict.Symbol);
        Assert.Equal(["OPG"], verdict.OtherSymbols);
    }

    [Fact]
    public void Reads_non_ascii_symbols_and_ignores_dates_and_zones_in_parentheses()
    {
        var cjk = _classifier.Classify("Binance Will List 牛来 (牛来) with Seed Tag Applied");
        var zoned = _classifier.Classify("Kraken will list Foo (FOO) at 10:00 (UTC)");

        Assert.Equal("牛来", cjk.Symbol);
        Assert.Equal("FOO", zoned.Symbol);
    }

    [Fact]
    public void Never_takes_a_symbol_from_free_text()
    {
        var verdict = _classifier.Classify("Hyperliquid airdrop: HYPE token goes live for early users");

        Assert.True(verdict.IsTge);
        Assert.Null(verdict.Symbol);
    }

    [Fact]
    public void A_summary_supplies_the_symbol_and_time_the_title_lacks()
    {
        var verdict = _classifier.Classify(
            "Binance Will List a New Token with Seed Tag Applied",
            "Binance will list Foo (FOO) and open trading for FOO/USDT at 2026-04-18 12:00 (UTC).");

        Assert.True(verdict.IsTge);
        Assert.Equal("FOO", verdict.Symbol);
        Assert.Equal(new DateTimeOffset(2026, 4, 18, 12, 0, 0, TimeSpan.Zero), verdict.EventTime);
    }

    [Fact]
    public async Task Gives_the_same_verdicts_when_shared_across_threads()
    {
        string[] titles =
        [
            "Binance Will List Foo (FOO) with Seed Tag Applied",
            "Binance Futures Will Launch USDⓈ-Margined FOOUSDT Perpetual Contract",
            "Introducing Bar (BAR) on Binance Megadrop",
            "TGE names new chief executive",
        ];
        var expected = titles.Select(title => _classifier.Classify(title)).ToList();

        var runs = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).Select(index => _classifier.Classify(titles[index % titles.Length])).ToList()));
        foreach (var run in await Task.WhenAll(runs))
        {
            for (var index = 0; index < run.Count; index++)
            {
                var want = expected[index % titles.Length];
                Assert.Equal((want.IsTge, want.Kind, want.Symbol), (run[index].IsTge, run[index].Kind, run[index].Symbol));
                Assert.Equal(want.Reasons, run[index].Reasons);
            }
        }
    }
}
