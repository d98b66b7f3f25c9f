using TgeSwarm.Grains.Tge.Keywords;

namespace TgeSwarm.Grains.Tests.Tge.Keywords;

public sealed class TgeSlugsTests
{
    [Theory]
    [InlineData("PENGU", "pengu")]
    [InlineData("$PENGU", "pengu")]
    [InlineData("ＰＥＮＧＵ", "pengu")]
    [InlineData(" 1000SATS ", "1000sats")]
    [InlineData("牛来", "牛来")]
    [InlineData("A.B", "ab")]
    public void A_symbol_slug_is_the_NFKC_lower_case_symbol_without_dollar_signs_or_punctuation(string symbol, string slug) =>
        Assert.Equal(slug, TgeSlugs.FromSymbol(symbol));

    [Theory]
    [InlineData("Pudgy Penguins", "pudgy-penguins")]
    [InlineData("  Foo -- Finance!  ", "foo-finance")]
    [InlineData("Ｆｏｏ Chain", "foo-chain")]
    public void A_name_slug_joins_the_lower_case_words_with_single_dashes(string name, string slug) =>
        Assert.Equal(slug, TgeSlugs.FromName(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("$$$")]
    [InlineData("!!")]
    public void Input_without_a_letter_or_digit_has_no_slug(string? value)
    {
        Assert.Null(TgeSlugs.FromSymbol(value));
        Assert.Null(TgeSlugs.FromName(value));
    }

    [Fact]
    public void Slugs_are_bounded_and_valid()
    {
        var slug = TgeSlugs.FromName(string.Join(' ', Enumerable.Repeat("word", 40)));

        Assert.NotNull(slug);
        Assert.True(slug.Length <= TgeSlugs.MaxLength);
        Assert.True(TgeSlugs.IsValid(slug), slug);
    }

    [Theory]
    [InlineData("pengu", true)]
    [InlineData("pudgy-penguins", true)]
    [InlineData("PENGU", false)]
    [InlineData("-pengu", false)]
    [InlineData("a--b", false)]
    [InlineData("a b", false)]
    [InlineData("<script>", false)]
    [InlineData("", false)]
    public void Validity_accepts_only_what_the_slug_functions_produce(string slug, bool valid) =>
        Assert.Equal(valid, TgeSlugs.IsValid(slug));
}
