using TgeSwarm.Grains.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

public sealed class SeenItemsTests
{
    [Fact]
    public void An_id_is_new_once_and_the_oldest_is_forgotten_beyond_the_capacity()
    {
        var seen = new SeenItems(3);

        Assert.True(seen.Add("a"));
        Assert.False(seen.Add("a"));
        seen.Add("b");
        seen.Add("c");
        seen.Add("d");

        Assert.Equal(3, seen.Count);
        Assert.False(seen.Contains("a"));
        Assert.Equal(["b", "c", "d"], seen.ToList());
    }

    [Fact]
    public void Loading_a_longer_persisted_list_keeps_its_newest_ids()
    {
        var seen = new SeenItems(2);

        seen.Load(["a", "b", "c"]);

        Assert.Equal(["b", "c"], seen.ToList());
    }
}
