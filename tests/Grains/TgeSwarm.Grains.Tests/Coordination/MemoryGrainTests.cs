using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>Memory namespaces on a fake clock: versions, optimistic concurrency, TTL, paging and bounds.</summary>
public sealed class MemoryGrainTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider _time = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await CoordinationClusters.StartAsync(
        settings: new()
        {
            ["Coordination:Memory:MaxValueBytes"] = "64",
            ["Coordination:Memory:MaxKeys"] = "5",
        },
        time: _time);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IMemoryGrain Memory(string ns) => _cluster.GrainFactory.GetGrain<IMemoryGrain>(ns);

    [Fact]
    public async Task A_written_entry_reads_back_with_its_version_time_and_writer_and_every_write_gets_a_higher_version()
    {
        var memory = Memory("sources");

        var first = await memory.SetAsync("binance-announcements", """{"interval":"00:00:30"}""", null, null, "source/binance", None);
        var second = await memory.SetAsync("binance-announcements", """{"interval":"00:01:00"}""", null, first, "source/binance", None);
        var other = await memory.SetAsync("okx-announcements", "42", null, null, null, None);

        Assert.Equal((1, 2, 3), (first, second, other));
        var entry = await memory.GetAsync("binance-announcements", None);
        Assert.Equal(new MemoryEntry("binance-announcements", """{"interval":"00:01:00"}""", 2, null, _time.GetUtcNow(), "source/binance"), entry);
        Assert.Null(await memory.GetAsync("kraken-announcements", None));
    }

    [Fact]
    public async Task A_write_or_removal_with_a_stale_version_fails_and_changes_nothing()
    {
        var memory = Memory("thresholds");
        var version = await memory.SetAsync("BTC-USDT", "0.05", null, 0, "alice", None);

        var stale = await Assert.ThrowsAsync<MemoryVersionConflictException>(() => memory.SetAsync("BTC-USDT", "0.07", null, version + 5, "bob", None));
        Assert.Contains("at version 1", stale.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MemoryVersionConflictException>(() => memory.SetAsync("BTC-USDT", "0.07", null, 0, "bob", None));
        await Assert.ThrowsAsync<MemoryVersionConflictException>(() => memory.RemoveAsync("BTC-USDT", version + 1, None));
        Assert.Equal(("0.05", version), await ValueOf(memory, "BTC-USDT"));

        Assert.True(await memory.RemoveAsync("BTC-USDT", version, None));
        Assert.Null(await memory.GetAsync("BTC-USDT", None));
        Assert.False(await memory.RemoveAsync("BTC-USDT", null, None));
        await Assert.ThrowsAsync<MemoryVersionConflictException>(() => memory.RemoveAsync("BTC-USDT", version, None));

        // Re-created, the key gets a version never seen before, so the old one cannot overwrite it.
        var recreated = await memory.SetAsync("BTC-USDT", "0.06", null, 0, "bob", None);
        Assert.True(recreated > version);
        await Assert.ThrowsAsync<MemoryVersionConflictException>(() => memory.SetAsync("BTC-USDT", "0.08", null, version, "alice", None));
    }

    [Fact]
    public async Task An_entry_disappears_the_moment_its_ttl_passes_and_its_key_can_be_created_again()
    {
        var memory = Memory("ttl");
        await memory.SetAsync("short", "true", TimeSpan.FromSeconds(30), null, null, None);
        await memory.SetAsync("long", "true", TimeSpan.FromMinutes(10), null, null, None);

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.NotNull(await memory.GetAsync("short", None));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(1), (await memory.GetAsync("short", None))!.ExpiresAt);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await memory.GetAsync("short", None));
        Assert.Equal(["long"], (await memory.ListAsync(null, 10, null, None)).Items.Select(static e => e.Key));
        Assert.False(await memory.RemoveAsync("short", null, None));
        Assert.True(await memory.SetAsync("short", "false", null, 0, null, None) > 0);
    }

    [Fact]
    public async Task Listing_pages_through_live_entries_in_key_order_under_a_prefix()
    {
        var memory = Memory("paging");
        foreach (var key in new[] { "b/2", "a/1", "b/1", "b/3", "c/1" })
        {
            await memory.SetAsync(key, "1", key == "b/3" ? TimeSpan.FromSeconds(1) : null, null, null, None);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        var first = await memory.ListAsync("b/", 1, null, None);
        var second = await memory.ListAsync("b/", 1, first.NextCursor, None);

        Assert.Equal(["b/1"], first.Items.Select(static e => e.Key));
        Assert.Equal(["b/2"], second.Items.Select(static e => e.Key));
        Assert.Null(second.NextCursor);
        Assert.Equal(["a/1", "b/1", "b/2", "c/1"], (await memory.ListAsync(null, 10, null, None)).Items.Select(static e => e.Key));
    }

    [Fact]
    public async Task Bad_writes_name_the_field_and_the_bounds_hold()
    {
        var memory = Memory("bounds");

        Assert.Equal("value", (await Assert.ThrowsAnyAsync<ArgumentException>(() => memory.SetAsync("k", "{not json", null, null, null, None))).ParamName);
        Assert.Equal("value", (await Assert.ThrowsAnyAsync<ArgumentException>(() => memory.SetAsync("k", $"\"{new string('x', 80)}\"", null, null, null, None))).ParamName);
        Assert.Equal("ttl", (await Assert.ThrowsAnyAsync<ArgumentException>(() => memory.SetAsync("k", "1", TimeSpan.Zero, null, null, None))).ParamName);
        Assert.Equal("key", (await Assert.ThrowsAnyAsync<ArgumentException>(() => memory.SetAsync("", "1", null, null, null, None))).ParamName);
        Assert.Equal("limit", (await Assert.ThrowsAnyAsync<ArgumentException>(() => memory.ListAsync(null, 0, null, None))).ParamName);

        for (var i = 0; i < 5; i++)
        {
            await memory.SetAsync($"k{i}", "1", null, null, null, None);
        }

        Assert.Equal("key", (await Assert.ThrowsAnyAsync<ArgumentException>(() => memory.SetAsync("k5", "1", null, null, null, None))).ParamName);
        Assert.Equal(5, (await memory.ListAsync(null, 10, null, None)).Items.Count);
        Assert.True(await memory.SetAsync("k4", "2", null, null, null, None) > 0);
    }

    private static async Task<(string, long)> ValueOf(IMemoryGrain memory, string key) =>
        await memory.GetAsync(key, None) is { } entry ? (entry.Value, entry.Version) : ("", 0);
}
