using System.Text;
using TgeSwarm.Feeds.Sources;

namespace TgeSwarm.Feeds.Tests.Sources;

public sealed class XmlFeedParserTests
{
    [Fact]
    public void Rss_example_yields_every_item_with_guid_ids_cdata_titles_and_zoned_dates()
    {
        var result = SourceExamples.Parse(SourceKind.Rss, "news_rss.xml");

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Items.Count);
        var aero = result.Items[0];
        Assert.Equal("https://news.example.org/news/binance-lists-aero", aero.ItemId);
        Assert.Equal("Binance Will List Aerodrome (AERO) with Seed Tag Applied", aero.Title);
        Assert.Equal("Binance will open trading for AERO on 2026-07-17.", aero.Summary);
        Assert.Equal(new Uri("https://news.example.org/news/binance-lists-aero?utm_source=rss_feed&utm_medium=rss"), aero.Link);
        Assert.Equal(new DateTimeOffset(2026, 7, 17, 7, 30, 1, TimeSpan.Zero), aero.Published);
        Assert.Equal(["Exchanges"], aero.Categories);
        Assert.Equal(SourceKind.Rss, aero.RawKind);

        var nova = result.Items[1];
        Assert.Equal("088c8781-3330-40c6-9247-e6394c9fed56", nova.ItemId);
        Assert.Equal(new Uri("https://news.example.org/news/project-nova-tge"), nova.Link);
        Assert.Equal(new DateTimeOffset(2026, 7, 16, 18, 5, 0, TimeSpan.FromHours(-4)), nova.Published);
        Assert.Equal(TimeSpan.FromHours(-4), nova.Published!.Value.Offset);
        Assert.Equal(["Tokens", "Airdrops"], nova.Categories);

        var power = result.Items[2];
        Assert.Equal("https://news.example.org/news/tge-power-volumes", power.ItemId);
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.Zero), power.Published);
    }

    [Fact]
    public void Atom_example_yields_entries_with_html_titles_stripped_scripts_removed_and_relative_links_resolved()
    {
        var result = SourceExamples.Parse(SourceKind.Atom, "news_atom.xml", new Uri("https://blog.example.org/feed/atom"));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Items.Count);
        var nova = result.Items[0];
        Assert.Equal("tag:blog.example.org,2026:posts/nova-launchpool", nova.ItemId);
        Assert.Equal("Introducing Nova (NOVA) on Launchpool", nova.Title);
        Assert.Equal("Stake BNB to farm NOVA.", nova.Summary);
        Assert.DoesNotContain("alert", nova.Summary, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://blog.example.org/posts/nova-launchpool"), nova.Link);
        Assert.Equal(new DateTimeOffset(2026, 7, 18, 8, 0, 0, TimeSpan.Zero), nova.Published);
        Assert.Equal(TimeSpan.FromHours(2), nova.Published!.Value.Offset);
        Assert.Equal("en", nova.Language);
        Assert.Equal(1, result.Count(SourceProblem.ScriptRemoved));

        var upgrade = result.Items[1];
        Assert.Equal("Routine maintenance.", upgrade.Summary);
        Assert.Equal(new DateTimeOffset(2026, 7, 10, 8, 0, 0, TimeSpan.Zero), upgrade.Published);
    }

    [Fact]
    public void An_atom_body_configured_as_rss_is_still_read()
    {
        var result = SourceExamples.Parse(SourceKind.Rss, "news_atom.xml");

        Assert.Equal(2, result.Items.Count);
        Assert.All(result.Items, i => Assert.Equal(SourceKind.Atom, i.RawKind));
    }

    [Fact]
    public void Xml_broken_after_some_items_keeps_those_items_and_counts_the_fault()
    {
        var whole = Encoding.UTF8.GetString(SourceExamples.Bytes("news_rss.xml"));
        var cut = whole[..whole.IndexOf("Polish power", StringComparison.Ordinal)] + "</item><<<";

        var result = SourceExamples.ParseText(SourceKind.Rss, cut);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Items.Count);
        Assert.Equal(1, result.Count(SourceProblem.MalformedXml));
    }

    [Fact]
    public void Xml_broken_before_any_item_fails_as_malformed()
    {
        var result = SourceExamples.ParseText(SourceKind.Rss, "<rss version=\"2.0\"><channel><title>x</title><item><title>a</titl></item>");

        Assert.Equal(SourceProblem.MalformedXml, result.Failure);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void External_entities_are_never_resolved_because_dtds_are_prohibited()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var body = $"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
                <rss version="2.0"><channel><item><title>&xxe;</title><guid>1</guid></item></channel></rss>
                """;

            var result = SourceExamples.ParseText(SourceKind.Rss, body);

            Assert.Equal(SourceProblem.DtdProhibited, result.Failure);
            Assert.Empty(result.Items);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Billion_laughs_is_refused_not_expanded()
    {
        var body = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <rss version="2.0"><channel><item><title>&lol2;</title></item></channel></rss>
            """;

        Assert.Equal(SourceProblem.DtdProhibited, SourceExamples.ParseText(SourceKind.Rss, body).Failure);
    }

    [Fact]
    public void A_root_that_is_not_a_feed_is_unexpected()
    {
        Assert.Equal(SourceProblem.UnexpectedRoot, SourceExamples.ParseText(SourceKind.Rss, "<html><body>Not a feed</body></html>").Failure);
    }

    [Fact]
    public void Items_beyond_the_bound_are_dropped_and_counted()
    {
        var items = string.Concat(Enumerable.Range(0, 10).Select(i => $"<item><title>T{i}</title><guid>{i}</guid></item>"));
        var result = SourceExamples.ParseText(SourceKind.Rss, $"<rss version=\"2.0\"><channel>{items}</channel></rss>", settings: new SourceParseSettings { MaxItems = 4 });

        Assert.Equal(["T0", "T1", "T2", "T3"], result.Items.Select(i => i.Title));
        Assert.Equal(1, result.Count(SourceProblem.TooManyItems));
    }

    [Fact]
    public void An_item_without_id_or_link_gets_a_stable_hash_id()
    {
        var body = "<rss version=\"2.0\"><channel><item><title>Same</title><pubDate>Fri, 17 Jul 2026 07:30:01 GMT</pubDate></item></channel></rss>";

        var first = Assert.Single(SourceExamples.ParseText(SourceKind.Rss, body).Items);
        var second = Assert.Single(SourceExamples.ParseText(SourceKind.Rss, body).Items);

        Assert.StartsWith("sha256:", first.ItemId, StringComparison.Ordinal);
        Assert.Equal(first.ItemId, second.ItemId);
    }
}
