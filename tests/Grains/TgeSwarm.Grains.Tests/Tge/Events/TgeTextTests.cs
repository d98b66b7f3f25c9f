using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Grains.Tests.Tge.Events;

public sealed class TgeTextTests
{
    [Theory]
    [InlineData("Binance Will List <b>Foo</b> (FOO)", "Binance Will List Foo (FOO)")]
    [InlineData("Foo<script>alert('x')</script> listing", "Foo listing")]
    [InlineData("Foo &lt;script&gt;alert(1)&lt;/script&gt; listing", "Foo listing")]
    [InlineData("Foo &amp;lt;img src=x onerror=alert(1)&amp;gt; bar", "Foo bar")]
    [InlineData("Tom &amp; Jerry (TJ)", "Tom & Jerry (TJ)")]
    [InlineData("Foo <style>b{}</style>Bar", "Foo Bar")]
    [InlineData("Unclosed <a href='x' tail", "Unclosed")]
    [InlineData("Stray a < b > c", "Stray a b c")]
    [InlineData("Line\r\nbreak\tand\u0007bell", "Line break andbell")]
    [InlineData("bidi\u202Eevil\u200Bzero", "bidievilzero")]
    [InlineData("  spaced   out  ", "spaced out")]
    public void Markup_entities_control_and_invisible_characters_never_survive(string input, string expected) =>
        Assert.Equal(expected, TgeText.Plain(input, 300));

    [Fact]
    public void The_emoji_joiner_stays()
    {
        Assert.Equal("👩\u200D💻 dev", TgeText.Plain("👩\u200D💻 dev", 50));
    }

    [Fact]
    public void Long_text_is_cut_to_the_bound_never_inside_a_surrogate_pair()
    {
        var text = new string('a', 9) + "😀" + new string('b', 10);

        Assert.Equal(new string('a', 9), TgeText.Plain(text, 10));
        Assert.Equal(300, TgeText.Plain(new string('x', 10_000_000), 300).Length);
    }

    [Fact]
    public void Nothing_left_is_null_for_optional_fields()
    {
        Assert.Null(TgeText.PlainOrNull("<p></p>", 10));
        Assert.Equal("", TgeText.Plain(null, 10));
    }
}
