using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Grains.Tests.Tge;

public sealed class TgeClassifierLookAlikeTests(DefaultClassifierFixture fixture) : IClassFixture<DefaultClassifierFixture>
{
    private readonly TgeClassifier _classifier = fixture.Classifier;

    [Theory]
    [InlineData("Bybit Will List the FOOUSDT Perpetual Contract", "derivatives")]
    [InlineData("OKX Will List Options Trading for BAR", "derivatives")]
    [InlineData("Binance Futures Will List USDⓈ-M & COIN-M Quarterly 0327 Delivery Contracts", "derivatives")]
    [InlineData("Binance Exchange Adds Nvidia (NVDAB) bStocks on Binance Spot", "tokenized-stocks")]
    [InlineData("Bitget lists tokenized stocks of Apple and Tesla", "tokenized-stocks")]
    [InlineData("Binance Will Add Foo (FOO) on Earn, Buy Crypto, Convert, VIP Loan & Margin", "secondary-product")]
    [InlineData("Bybit Will Add BAR to Copy Trading", "secondary-product")]
    [InlineData("Binance Adds FOO/USDT Spot Trading Pair", "new-pairs")]
    [InlineData("Binance Will Delist FOO, BAR and BAZ on 2026-10-02", "delisting")]
    [InlineData("Binance Will Support the Foo (FOO) Rebranding to Bar (BAR)", "rebrand-migration")]
    [InlineData("Binance Will Support the FOO Token Migration and Redenomination", "rebrand-migration")]
    [InlineData("OKX Will Support the Foo Network Upgrade and Hard Fork", "network-upgrade")]
    [InlineData("Binance Wallet Maintenance for the Foo (FOO) Network", "deposits-maintenance")]
    [InlineData("Kraken: Deposits and withdrawals of FOO resumed", "deposits-maintenance")]
    [InlineData("Bybit FOO Trading Competition: Share 50,000 USDT", "promotion")]
    [InlineData("Notice to Postpone Listing of Foo (FOO)", "postponement")]
    [InlineData("TGE power exchange prices climb for the third week", "energy-tge")]
    [InlineData("Apple's AirDrop gains internet sharing", "apple-airdrop")]
    [InlineData("Aid airdrops reach the flooded villages", "humanitarian-airdrop")]
    [InlineData("LLM providers race to launch cheaper token pricing", "non-crypto-token")]
    [InlineData("Binance Labs invests in Foo Protocol", "investment-news")]
    public void Rejects_a_look_alike_by_the_rule_for_its_class(string title, string rule)
    {
        var verdict = _classifier.Classify(title);

        Assert.False(verdict.IsTge);
        Assert.Equal(TgeKind.None, verdict.Kind);
        Assert.Equal(0, verdict.Confidence);
        Assert.Contains("veto:" + rule, verdict.Reasons);
    }

    [Theory]
    [InlineData("TGE appoints a new chief financial officer")]
    [InlineData("Security notice: how access tokens expire")]
    [InlineData("Humanitarian groups call for more aid")]
    public void Rejects_non_crypto_stories_that_carry_a_trigger_word(string title)
    {
        Assert.False(_classifier.Classify(title).IsTge);
    }

    [Fact]
    public void A_tge_word_without_crypto_context_scores_below_the_threshold()
    {
        var verdict = _classifier.Classify("TGE appoints a new chief financial officer");

        Assert.Contains("no-crypto-context", verdict.Reasons);
        Assert.InRange(verdict.Confidence, 0.01, _classifier.Rules.Threshold - 0.01);
    }

    [Fact]
    public void A_postponement_with_a_new_date_is_a_listing_and_one_without_is_not()
    {
        var withDate = _classifier.Classify("Binance Postpones Listing of Foo (FOO) to 2026-11-03 08:00 (UTC)");
        var withoutDate = _classifier.Classify("Binance Postpones Listing of Foo (FOO)");

        Assert.True(withDate.IsTge);
        Assert.Equal(TgeKind.Listing, withDate.Kind);
        Assert.Contains("veto:postponement:lifted", withDate.Reasons);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.Zero), withDate.EventTime);
        Assert.False(withoutDate.IsTge);
    }

    [Fact]
    public void A_veto_beats_a_positive_phrasing_in_the_same_title()
    {
        var verdict = _classifier.Classify("Binance Futures Will List USDⓈ-Margined FOOUSDT Perpetual Contract");

        Assert.False(verdict.IsTge);
        Assert.Contains("veto:derivatives", verdict.Reasons);
    }
}
