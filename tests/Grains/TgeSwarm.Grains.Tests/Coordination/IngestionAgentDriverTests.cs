using TgeSwarm.Grains.Coordination.Queen;
using TgeSwarm.Grains.Interfaces.Coordination;

namespace TgeSwarm.Grains.Tests.Coordination;

public sealed class IngestionAgentDriverTests
{
    private const string Settings = """{"venue":"kraken","webSocketUrl":"ws://127.0.0.1:9/","instruments":["XMR-USD","ADA-BTC"],"books":false}""";

    private readonly IngestionAgentDriver _driver = new();

    [Fact]
    public void Equal_settings_normalise_to_the_same_text_whatever_their_spelling()
    {
        var spaced = """{ "books": false, "Instruments": [ "XMR-USD", "ADA-BTC" ], "webSocketUrl": "ws://127.0.0.1:9/", "venue": "kraken", "trades": true }""";

        Assert.Equal(_driver.Normalize("kraken#0", Settings), _driver.Normalize("kraken#0", spaced));
    }

    [Fact]
    public void Task_items_are_the_instruments_and_can_be_replaced()
    {
        var shard = _driver.WithTaskItems(_driver.Normalize("kraken#0", Settings), ["ADA-BTC"]);

        Assert.Equal(["XMR-USD", "ADA-BTC"], _driver.TaskItemsOf(Settings));
        Assert.Equal(["ADA-BTC"], _driver.TaskItemsOf(shard));
        Assert.Contains("\"books\":false", shard, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kraken")]
    [InlineData("#0")]
    [InlineData("kraken#")]
    public void Keys_must_be_venue_and_shard(string key)
    {
        var error = Assert.Throws<CoordinationArgumentException>(() => _driver.GroupOf(key));

        Assert.Equal("key", error.ParamName);
    }

    [Theory]
    [InlineData("null", "needs venue")]
    [InlineData("""{"venue":"kraken","webSocketUrl":"ws://127.0.0.1:9/","instruments":[]}""", "at least one instrument")]
    [InlineData("""{"venue":"kraken","webSocketUrl":"http://127.0.0.1:9/","instruments":["ADA-BTC"]}""", "ws:// or wss://")]
    [InlineData("""{"venue":"kraken","webSocketUrl":"ws://127.0.0.1:9/","instruments":["ADA-BTC"],"depth":5}""", "depth")]
    public void Bad_settings_fail_on_the_configuration_field_with_the_reason(string configuration, string reason)
    {
        var error = Assert.Throws<CoordinationArgumentException>(() => _driver.Normalize("kraken#0", configuration));

        Assert.Equal("configuration", error.ParamName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_group_of_a_shard_is_its_venue()
    {
        Assert.Equal("kraken", _driver.GroupOf("kraken#3"));
        Assert.Equal("kraken#3", _driver.ShardKey("kraken", 3));
    }
}
