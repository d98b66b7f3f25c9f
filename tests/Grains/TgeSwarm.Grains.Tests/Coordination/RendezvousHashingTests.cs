using TgeSwarm.Grains.Coordination.Queen;

namespace TgeSwarm.Grains.Tests.Coordination;

public sealed class RendezvousHashingTests
{
    private static readonly string[] Items = [.. Enumerable.Range(0, 10_000).Select(i => $"SYM{i}-USDT")];

    [Fact]
    public void The_hash_is_fixed_across_processes_and_runs()
    {
        // Values computed once and pinned: a change here reshuffles every persisted assignment in a running cluster.
        Assert.Equal(StableHash64.Of("binance#0"), StableHash64.Of(new string("binance#0".AsSpan())));
        Assert.Equal(0xF52A15E9A9B5E89BUL, StableHash64.Of(""));
        Assert.NotEqual(StableHash64.Of("binance#0"), StableHash64.Of("binance#1"));
    }

    [Fact]
    public void The_same_items_and_shards_always_give_the_same_assignment_whatever_the_order()
    {
        var shards = Shards(5);
        var first = RendezvousHashing.Assign(Items, shards);
        var again = RendezvousHashing.Assign(Items.Reverse(), [.. shards]);

        Assert.Equal(first, again);
        Assert.Equal(Items.Length, first.Count);
    }

    [Fact]
    public void Adding_a_shard_moves_only_items_onto_the_new_shard_and_about_one_share_of_them()
    {
        var before = Map(RendezvousHashing.Assign(Items, Shards(4)));
        var after = Map(RendezvousHashing.Assign(Items, Shards(5)));

        var moved = Items.Where(i => before[i] != after[i]).ToList();
        Assert.All(moved, i => Assert.Equal("binance#4", after[i]));
        Assert.InRange(moved.Count, Items.Length / 5 * 0.85, Items.Length / 5 * 1.15);
    }

    [Fact]
    public void Removing_a_shard_moves_only_the_items_it_held()
    {
        var before = Map(RendezvousHashing.Assign(Items, Shards(5)));
        var after = Map(RendezvousHashing.Assign(Items, Shards(4)));

        var moved = Items.Where(i => before[i] != after[i]).ToList();
        Assert.All(moved, i => Assert.Equal("binance#4", before[i]));
        Assert.Equal(before.Count(p => p.Value == "binance#4"), moved.Count);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(16)]
    public void Items_spread_evenly_over_the_shards(int shards)
    {
        var counts = RendezvousHashing.Assign(Items, Shards(shards)).GroupBy(static p => p.Value).Select(static g => g.Count()).ToList();

        var mean = (double)Items.Length / shards;
        Assert.Equal(shards, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, mean * 0.9, mean * 1.1));
    }

    private static List<string> Shards(int n) => [.. Enumerable.Range(0, n).Select(static i => $"binance#{i}")];

    private static Dictionary<string, string> Map(IReadOnlyList<KeyValuePair<string, string>> assignment) => new(assignment, StringComparer.Ordinal);
}
