using TgeSwarm.Grains.Coordination.Queen;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Scrapers;

namespace TgeSwarm.Grains.Tests.Coordination;

public sealed class ScraperAgentDriverTests
{
    private const string Rss = """{"url":"http://127.0.0.1:9/rss","kind":"rss","minInterval":"00:00:30","maxInterval":"00:05:00"}""";
    private const string Okx = """{"url":"http://127.0.0.1:9/okx","kind":"okx","minInterval":"00:00:10","maxInterval":"00:01:00","headers":{"Accept-Language":"en-US"}}""";

    private readonly ScraperAgentDriver _driver = new();

    private static string Sources(params (string Id, string Settings)[] sources) =>
        "{\"sources\":{" + string.Join(",", sources.Select(static s => $"\"{s.Id}\":{s.Settings}")) + "}}";

    [Fact]
    public void Equal_source_sets_normalise_to_the_same_text_with_ids_in_ordinal_order()
    {
        var spaced = """{ "Sources": { "okx": { "kind": "okx", "maxInterval": "00:01:00", "minInterval": "00:00:10", "headers": { "Accept-Language": "en-US" }, "url": "http://127.0.0.1:9/okx" }, "B-rss": """ + Rss + " } }";

        var normalized = _driver.Normalize("tge#0", Sources(("B-rss", Rss), ("okx", Okx)));

        Assert.Equal(normalized, _driver.Normalize("tge#0", spaced));
        Assert.StartsWith("""{"sources":{"B-rss":{"url":"http://127.0.0.1:9/rss","kind":"rss","minInterval":"00:00:30","maxInterval":"00:05:00",""", normalized, StringComparison.Ordinal);
        Assert.Equal(["B-rss", "okx"], _driver.TaskItemsOf(normalized));
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{}", "needs \"sources\"")]
    [InlineData("""{"sources":{}}""", "at least one source")]
    [InlineData("""{"sources":{"a":null}}""", "Source 'a' needs url")]
    [InlineData("""{"sources":{"a":{"url":"http://127.0.0.1:9/rss","kind":"rss","minInterval":"00:00:30","maxInterval":"00:05:00"}},"shards":2}""", "shards")]
    [InlineData("""{"sources":{"bad id":{"url":"http://127.0.0.1:9/rss","kind":"rss","minInterval":"00:00:30","maxInterval":"00:05:00"}}}""", "Source 'bad id': Source id 'bad id' must be")]
    [InlineData("""{"sources":{"a":{"url":"http://127.0.0.1:9/rss","kind":"rss","minInterval":"00:00:30","maxInterval":"00:05:00"},"okx":{"url":"ftp://127.0.0.1:9/okx","kind":"okx","minInterval":"00:00:10","maxInterval":"00:01:00"}}}""", "Source 'okx': Url 'ftp://127.0.0.1:9/okx' must be an absolute http:// or https:// address.")]
    [InlineData("""{"sources":{"a":{"url":"http://127.0.0.1:9/rss","kind":"gopher","minInterval":"00:00:30","maxInterval":"00:05:00"}}}""", "kind")]
    public void Bad_configurations_fail_on_the_configuration_field_naming_the_source(string configuration, string reason)
    {
        var error = Assert.Throws<CoordinationArgumentException>(() => _driver.Normalize("tge#0", configuration));

        Assert.Equal("configuration", error.ParamName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_keeps_the_templates_settings_of_its_sources_only()
    {
        var template = _driver.Normalize("tge#0", Sources(("a", Rss), ("okx", Okx), ("z", Rss)));

        var share = _driver.WithTaskItems(template, ["okx", "a"]);

        Assert.Equal(_driver.Normalize("tge#1", Sources(("a", Rss), ("okx", Okx))), share);
        Assert.Equal(["a", "okx"], _driver.TaskItemsOf(share));
    }

    [Fact]
    public void A_share_naming_a_source_the_template_lacks_is_refused_on_the_configuration_field()
    {
        var template = _driver.Normalize("tge#0", Sources(("a", Rss)));

        var error = Assert.Throws<CoordinationArgumentException>(() => _driver.WithTaskItems(template, ["a", "missing"]));

        Assert.Equal("configuration", error.ParamName);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combining_shards_unites_their_sources_and_the_first_settings_win_a_duplicate_id()
    {
        var first = _driver.Normalize("tge#0", Sources(("b", Rss), ("shared", Rss)));
        var second = _driver.Normalize("tge#1", Sources(("a", Okx), ("shared", Okx)));

        var combined = _driver.Combine([first, second]);

        Assert.Equal(_driver.Normalize("tge#0", Sources(("a", Okx), ("b", Rss), ("shared", Rss))), combined);
    }

    [Fact]
    public void Ingestion_shards_combine_into_the_first_shards_settings_with_every_instrument()
    {
        var ingestion = new IngestionAgentDriver();
        var first = ingestion.Normalize("kraken#0", """{"venue":"kraken","webSocketUrl":"ws://127.0.0.1:9/","instruments":["XMR-USD"],"books":false}""");
        var second = ingestion.Normalize("kraken#1", """{"venue":"kraken","webSocketUrl":"ws://127.0.0.1:9/","instruments":["ADA-BTC","XMR-USD"]}""");

        var combined = ingestion.Combine([first, second]);

        Assert.Equal(["ADA-BTC", "XMR-USD"], ingestion.TaskItemsOf(combined));
        Assert.Contains("\"books\":false", combined, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tge")]
    [InlineData("#0")]
    [InlineData("tge#")]
    public void Keys_must_be_group_and_shard(string key)
    {
        var error = Assert.Throws<CoordinationArgumentException>(() => _driver.GroupOf(key));

        Assert.Equal("key", error.ParamName);
    }

    [Fact]
    public void The_type_is_a_sharded_tge_agent_whose_task_items_are_sources()
    {
        Assert.Equal(new AgentTypeInfo("scraper", "tge", true, "sources"), _driver.Info);
        Assert.Equal("tge", _driver.GroupOf("tge#3"));
        Assert.Equal("tge#3", _driver.ShardKey("tge", 3));
    }

    [Fact]
    public void The_detail_counts_every_kind_of_source_and_names_those_in_trouble()
    {
        var status = new TgeScraperStatus(
            "scraper/tge#0", "silo", true, [.. Enumerable.Range(0, 11).Select(static i => $"s{i}")], ["okx-listings"], [], ["a", "b", "c", "d"], ["gone"]);

        Assert.Equal("16 sources: 11 polling, 1 failing (okx-listings), 4 lost (a, b, c and 1 more), 1 releasing (gone)", ScraperAgentDriver.Describe(status));
    }
}
