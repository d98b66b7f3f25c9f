using TgeSwarm.Feeds.Sources;

namespace TgeSwarm.Feeds.Tests.Sources;

public sealed class HtmlListParserTests
{
    private static readonly Uri s_page = new("https://exchange.example.org/en/support/announcements/");
    private static readonly SourceParseSettings s_settings = new() { Html = LocalSourceServer.HtmlSelectors };

    [Fact]
    public void Listing_page_yields_items_by_selector_with_resolved_links_zoned_dates_and_scripts_dropped()
    {
        var result = SourceExamples.Parse(SourceKind.Html, "listing_page.html", s_page, settings: s_settings);

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Items.Count);
        var aero = result.Items[0];
        Assert.Equal("Binance Will List Aerodrome (AERO) with Seed Tag Applied", aero.Title);
        Assert.Equal(new Uri("https://exchange.example.org/support/announcement/1631198cd282431bbb5fbd333106a413"), aero.Link);
        Assert.Equal(aero.Link!.AbsoluteUri, aero.ItemId);
        Assert.Equal(new DateTimeOffset(2026, 7, 17, 7, 30, 1, TimeSpan.Zero), aero.Published);
        Assert.Equal("Trading opens at 07:30 UTC.", aero.Summary);
        Assert.Equal("en", aero.Language);

        var nova = result.Items[1];
        Assert.Equal("Introducing Nova (NOVA) on HODLer Airdrops", nova.Title);
        Assert.Equal(TimeSpan.FromHours(8), nova.Published!.Value.Offset);

        var hostile = result.Items[2];
        Assert.Null(hostile.Link);
        Assert.Null(hostile.Published);
        Assert.StartsWith("sha256:", hostile.ItemId, StringComparison.Ordinal);
        Assert.Equal(1, result.Count(SourceProblem.ScriptRemoved));
        Assert.Equal(1, result.Count(SourceProblem.BadLink));
        Assert.Equal(1, result.Count(SourceProblem.BadDate));
    }

    [Fact]
    public void A_page_without_configured_selectors_fails_with_missing_selectors()
    {
        var result = SourceExamples.Parse(SourceKind.Html, "listing_page.html", s_page);

        Assert.Equal(SourceProblem.MissingSelectors, result.Failure);
    }

    [Fact]
    public void An_unparsable_selector_fails_with_invalid_selector()
    {
        var settings = new SourceParseSettings { Html = new HtmlSelectors("li[[", "a") };

        var result = SourceExamples.Parse(SourceKind.Html, "listing_page.html", s_page, settings: settings);

        Assert.Equal(SourceProblem.InvalidSelector, result.Failure);
    }

    [Fact]
    public void Broken_markup_is_repaired_rather_than_refused()
    {
        var body = "<ul><li class=\"announcement\"><a class=\"title\" href=\"/a\">Unclosed <b>bold<li class=\"announcement\"><a class=\"title\" href=\"/b\">Second";

        var result = SourceExamples.ParseText(SourceKind.Html, body, s_page, s_settings);

        Assert.True(result.Succeeded);
        Assert.Equal(["Unclosed bold", "Second"], result.Items.Select(i => i.Title));
    }
}
