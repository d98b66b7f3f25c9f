using System.Text;
using TgeSwarm.Feeds.Sources;

namespace TgeSwarm.Feeds.Tests.Sources;

public sealed class SourceBodyTests
{
    private const string LatinTitle = "Café listing: Ünïcode Token (UNI)";

    private static byte[] RssWithTitle(string title, Encoding encoding, string? declaration)
    {
        var decl = declaration is null ? string.Empty : $"<?xml version=\"1.0\" encoding=\"{declaration}\"?>";
        return encoding.GetBytes($"{decl}<rss version=\"2.0\"><channel><item><title>{title}</title><guid>1</guid></item></channel></rss>");
    }

    [Fact]
    public void The_content_type_charset_decodes_a_windows_1252_body()
    {
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

        var result = SourceParsers.Parse("s", SourceKind.Rss, RssWithTitle(LatinTitle, cp1252, null), "application/rss+xml; charset=windows-1252", SourceExamples.NewsFeed);

        Assert.Equal(LatinTitle, Assert.Single(result.Items).Title);
    }

    [Fact]
    public void The_xml_declaration_decodes_a_latin1_body_without_a_header()
    {
        var result = SourceParsers.Parse("s", SourceKind.Rss, RssWithTitle(LatinTitle, Encoding.Latin1, "ISO-8859-1"), null, SourceExamples.NewsFeed);

        Assert.Equal(LatinTitle, Assert.Single(result.Items).Title);
    }

    [Fact]
    public void A_byte_order_mark_wins_over_a_wrong_header()
    {
        var body = new UnicodeEncoding(false, true).GetPreamble().Concat(RssWithTitle(LatinTitle, Encoding.Unicode, null)).ToArray();

        var result = SourceParsers.Parse("s", SourceKind.Rss, body, "application/rss+xml; charset=iso-8859-1", SourceExamples.NewsFeed);

        Assert.Equal(LatinTitle, Assert.Single(result.Items).Title);
    }

    [Fact]
    public void An_unknown_charset_is_counted_and_read_as_utf8()
    {
        var result = SourceParsers.Parse("s", SourceKind.Rss, RssWithTitle(LatinTitle, Encoding.UTF8, null), "text/xml; charset=x-no-such-charset", SourceExamples.NewsFeed);

        Assert.Equal(LatinTitle, Assert.Single(result.Items).Title);
        Assert.Equal(1, result.Count(SourceProblem.UnknownEncoding));
    }

    [Fact]
    public void A_body_over_the_bound_is_refused_unread()
    {
        var settings = new SourceParseSettings { MaxBodyBytes = 100 };

        var result = SourceParsers.Parse("s", SourceKind.Rss, new byte[101], null, SourceExamples.NewsFeed, settings);

        Assert.Equal(SourceProblem.BodyTooLarge, result.Failure);
    }

    [Fact]
    public async Task A_stream_over_the_bound_is_refused_without_reading_it_all()
    {
        var settings = new SourceParseSettings { MaxBodyBytes = 64 * 1024 };
        await using var stream = new EndlessStream();

        var result = await SourceParsers.ParseAsync("s", SourceKind.Rss, stream, null, SourceExamples.NewsFeed, settings, CancellationToken.None);

        Assert.Equal(SourceProblem.BodyTooLarge, result.Failure);
        Assert.True(stream.Served <= (64 * 1024) + 1 + (64 * 1024), $"read {stream.Served} bytes");
    }

    [Fact]
    public async Task A_stream_within_the_bound_parses_like_the_span()
    {
        await using var stream = new MemoryStream(SourceExamples.Bytes("news_rss.xml"));

        var result = await SourceParsers.ParseAsync("s", SourceKind.Rss, stream, null, SourceExamples.NewsFeed, null, CancellationToken.None);

        Assert.Equal(3, result.Items.Count);
    }

    [Fact]
    public void An_empty_body_is_counted()
    {
        Assert.Equal(SourceProblem.EmptyBody, SourceParsers.Parse("s", SourceKind.Okx, "  \n"u8, null, SourceExamples.NewsFeed).Failure);
    }

    [Theory]
    [InlineData("<![CDATA[Binance Will List <script>fetch('//evil')</script>Evil (EVL)]]>", "Binance Will List Evil (EVL)")]
    [InlineData("<![CDATA[<img src=x onerror=alert(1)>Token <b>(TKN)</b>]]>", "Token (TKN)")]
    [InlineData("&lt;iframe src=&quot;//evil&quot;&gt;&lt;/iframe&gt;Listing (LST)", "Listing (LST)")]
    [InlineData("Zero\u200Bwidth \u202Espoof\u202C (ZW)", "Zerowidth spoof (ZW)")]
    [InlineData("AT&amp;T &lt; 3 is not markup", "AT&T < 3 is not markup")]
    public void Injected_markup_in_titles_comes_out_as_plain_text(string title, string expected)
    {
        var body = $"<rss version=\"2.0\"><channel><item><title>{title}</title><guid>1</guid></item></channel></rss>";

        var item = Assert.Single(SourceExamples.ParseText(SourceKind.Rss, body).Items);

        Assert.Equal(expected, item.Title);
    }

    [Fact]
    public void Source_text_sanitises_outside_a_parse()
    {
        Assert.Equal("Nova (NOVA) launch", SourceText.ToPlainText("<p>Nova <script>x()</script>(NOVA)</p>\n<p>launch</p>", 100));
        Assert.Equal("abc…", SourceText.ToPlainText("abcdefgh", 4));
    }

    [Fact]
    public void Long_text_is_cut_to_its_bound_and_counted()
    {
        var body = $"<rss version=\"2.0\"><channel><item><title>{new string('x', 50)}</title><description>{new string('y', 500)}</description><guid>1</guid></item></channel></rss>";
        var settings = new SourceParseSettings { MaxTitleChars = 20, MaxSummaryChars = 100 };

        var result = SourceExamples.ParseText(SourceKind.Rss, body, settings: settings);

        var item = Assert.Single(result.Items);
        Assert.Equal(20, item.Title.Length);
        Assert.Equal(100, item.Summary.Length);
        Assert.Equal(2, result.Count(SourceProblem.TextTruncated));
    }

    [Theory]
    [InlineData("Fri, 17 Jul 2026 07:30:01 +0000", "2026-07-17T07:30:01+00:00")]
    [InlineData("Thu, 16 Jul 2026 18:05:00 EDT", "2026-07-16T18:05:00-04:00")]
    [InlineData("16 Jul 2026 18:05 PST", "2026-07-16T18:05:00-08:00")]
    [InlineData("Fri, 17 Jul 2026 07:30:01 +0530", "2026-07-17T07:30:01+05:30")]
    [InlineData("2026-07-18T10:00:00+02:00", "2026-07-18T10:00:00+02:00")]
    [InlineData("2026-07-18T10:00:00Z", "2026-07-18T10:00:00+00:00")]
    [InlineData("2026-07-18 10:00:00", "2026-07-18T10:00:00+00:00")]
    [InlineData("1750843841537", "2025-06-25T09:30:41.537+00:00")]
    [InlineData("1750843841", "2025-06-25T09:30:41+00:00")]
    public void Feed_dates_keep_their_zone(string text, string expected)
    {
        var parsed = TgeSwarm.Feeds.Sources.Formats.FeedDates.TryParse(text);

        var want = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(want, parsed);
        Assert.Equal(want.Offset, parsed!.Value.Offset);
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
