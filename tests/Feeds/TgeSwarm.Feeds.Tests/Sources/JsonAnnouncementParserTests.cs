using TgeSwarm.Feeds.Sources;

namespace TgeSwarm.Feeds.Tests.Sources;

public sealed class JsonAnnouncementParserTests
{
    [Fact]
    public void Binance_cms_example_yields_its_article_with_code_id_catalogue_and_utc_release_time()
    {
        var result = SourceExamples.Parse(SourceKind.BinanceCms, "binance_cms_articles.json", SourceExamples.BinanceApi);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
        var item = Assert.Single(result.Items);
        Assert.Equal("80889caa7146492f9de2a2627fa30a4d", item.ItemId);
        Assert.Equal("Binance Futures Will Launch USDⓈ-Margined OLUSDT Perpetual Contract (2025-06-25)", item.Title);
        Assert.Equal(new Uri("https://www.binance.com/en/support/announcement/80889caa7146492f9de2a2627fa30a4d"), item.Link);
        Assert.Equal(new DateTimeOffset(2025, 6, 25, 9, 30, 41, 537, TimeSpan.Zero), item.Published);
        Assert.Equal(TimeSpan.Zero, item.Published!.Value.Offset);
        Assert.Equal(["New Cryptocurrency Listing"], item.Categories);
        Assert.Equal(SourceKind.BinanceCms, item.RawKind);
        Assert.Equal("test-source", item.SourceId);
    }

    [Fact]
    public void Okx_example_yields_both_details_with_url_ids_and_ptime()
    {
        var result = SourceExamples.Parse(SourceKind.Okx, "okx_announcements.json", new Uri("https://www.okx.com/api/v5/support/announcements?annType=announcements-new-listings&page=1"));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Items.Count);
        var first = result.Items[0];
        Assert.Equal("OKX to list Virtuals Protocol (VIRTUAL) for spot trading", first.Title);
        Assert.Equal("https://www.okx.com/help/okx-to-list-virtuals-protocol-virtual-for-spot-trading", first.ItemId);
        Assert.Equal(new Uri(first.ItemId), first.Link);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1761620404821), first.Published);
        Assert.Equal(["announcements-new-listings"], first.Categories);
        Assert.Equal("Completion of X Layer Mainnet Upgrade", result.Items[1].Title);
    }

    [Fact]
    public void Bybit_example_yields_title_description_tags_and_date()
    {
        var result = SourceExamples.Parse(SourceKind.Bybit, "bybit_announcements.json", new Uri("https://api.bybit.com/v5/announcements/index?locale=en-US&limit=1"), settings: new SourceParseSettings { Language = "en-US" });

        Assert.True(result.Succeeded);
        var item = Assert.Single(result.Items);
        Assert.StartsWith("New Listing: Arbitrum (ARB)", item.Title, StringComparison.Ordinal);
        Assert.Equal("Bybit is excited to announce the listing of ARB on our trading platform!", item.Summary);
        Assert.Equal(new DateTimeOffset(2023, 3, 17, 9, 33, 28, TimeSpan.Zero), item.Published);
        Assert.Equal(["New Listings", "Spot", "Spot Listings"], item.Categories);
        Assert.Equal("en-US", item.Language);
        Assert.Equal(item.Link!.AbsoluteUri, item.ItemId);
    }

    [Theory]
    [InlineData(SourceKind.BinanceCms, """{"code":"100001","messageDetail":"busy","data":null}""")]
    [InlineData(SourceKind.Okx, """{"code":"50011","msg":"Too Many Requests","data":[]}""")]
    [InlineData(SourceKind.Bybit, """{"retCode":10006,"retMsg":"Too many visits!","result":{}}""")]
    public void An_error_code_in_the_body_is_an_api_error(SourceKind kind, string body)
    {
        var result = SourceExamples.ParseText(kind, body);

        Assert.Equal(SourceProblem.ApiError, result.Failure);
        Assert.Empty(result.Items);
        Assert.Equal(1, result.Count(SourceProblem.ApiError));
    }

    [Theory]
    [InlineData(SourceKind.BinanceCms, """{"code":"000000","data":{"catalogs":[{"articles":[{"code":"a","title":"x""")]
    [InlineData(SourceKind.Okx, """{"code":"0","data":[{"details":[{"title":"OKX to list""")]
    [InlineData(SourceKind.Bybit, "<html>502 Bad Gateway</html>")]
    public void Malformed_json_fails_whole_with_a_counted_reason(SourceKind kind, string body)
    {
        var result = SourceExamples.ParseText(kind, body);

        Assert.Equal(SourceProblem.MalformedJson, result.Failure);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Json_in_another_shape_is_unexpected_shape()
    {
        var result = SourceExamples.ParseText(SourceKind.Bybit, """{"retCode":0,"result":{"rows":[]}}""");

        Assert.Equal(SourceProblem.UnexpectedShape, result.Failure);
    }

    [Fact]
    public void Items_without_title_are_skipped_and_bad_times_kept_without_a_date()
    {
        var body = """{"code":"0","data":[{"details":[{"title":"","url":"https://www.okx.com/help/a","pTime":"1"},{"title":"OKX to list B (B)","url":"https://www.okx.com/help/b","pTime":"soon"}]}]}""";

        var result = SourceExamples.ParseText(SourceKind.Okx, body);

        var item = Assert.Single(result.Items);
        Assert.Equal("OKX to list B (B)", item.Title);
        Assert.Null(item.Published);
        Assert.Equal(1, result.Count(SourceProblem.ItemWithoutTitle));
        Assert.Equal(1, result.Count(SourceProblem.BadDate));
    }
}
