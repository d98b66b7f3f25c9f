using TgeSwarm.Feeds.Connectors;

namespace TgeSwarm.Feeds.Tests.Connectors;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Fact]
    public void Waits_are_drawn_between_the_minimum_and_a_ceiling_that_doubles_up_to_the_maximum()
    {
        var backoff = new ReconnectBackoff(Min, Max, new Random(1));

        var ceilings = Enumerable.Range(0, 8).Select(backoff.Ceiling).ToList();
        var waits = Enumerable.Range(0, 8).Select(_ => backoff.Next()).ToList();

        Assert.Equal(
            [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000],
            ceilings.Select(c => (int)c.TotalMilliseconds).ToList());
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.InRange(waits[i], Min, ceilings[i]);
        }

        Assert.Equal(8, backoff.Failures);
    }

    [Fact]
    public void The_same_seed_gives_the_same_waits_and_another_seed_other_waits()
    {
        static List<TimeSpan> Waits(int seed)
        {
            var backoff = new ReconnectBackoff(Min, Max, new Random(seed));
            return [.. Enumerable.Range(0, 6).Select(_ => backoff.Next())];
        }

        Assert.Equal(Waits(42), Waits(42));
        Assert.NotEqual(Waits(42), Waits(43));
    }

    [Fact]
    public void A_reset_starts_the_waits_over_from_the_minimum_range()
    {
        var backoff = new ReconnectBackoff(Min, Max, new Random(3));
        for (var i = 0; i < 10; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(0, backoff.Failures);
        Assert.InRange(backoff.Next(), Min, backoff.Ceiling(0));
    }
}
