using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tge.Performance;

namespace TgeSwarm.Grains.Tests.Tge.Performance;

public sealed class PerformanceRulesTests
{
    private static readonly PerformanceOptions Options = new();

    private static TgeSourceStatus Source(int errors, TimeSpan? tuned, TgeSourceRunState state = TgeSourceRunState.Running) => new(
        "s", state, "silo", new TgeSourceSettings("http://127.0.0.1/rss/s", TgeSourceKind.Rss, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)),
        null, errors > 0 ? TgePollOutcome.Failed : TgePollOutcome.NoNewItems, errors > 0 ? "Timeout" : null, null, TimeSpan.FromSeconds(5), tuned,
        10, 0, 0, 0, errors, new Dictionary<string, long>(), new Dictionary<string, long>(), [], 0, null, null);

    private static TgeHostGuardStatus Host(double errorRate, int limit, TgeCircuitState circuit = TgeCircuitState.Closed) =>
        new("h", circuit, 10, 10, 0, 0, 0, 0, errorRate, TimeSpan.Zero, 0, 0, limit, null, null, null, 0);

    [Fact]
    public void A_failing_source_has_its_floor_doubled_up_to_its_maximum_and_a_healthy_one_is_left_alone()
    {
        Assert.Equal((true, TimeSpan.FromSeconds(10), "3 failed polls in a row (Timeout)"), PerformanceRules.ForSource(Source(3, null), Options));
        Assert.Equal((true, TimeSpan.FromSeconds(30), "4 failed polls in a row (Timeout)"), PerformanceRules.ForSource(Source(4, TimeSpan.FromSeconds(20)), Options));
        Assert.False(PerformanceRules.ForSource(Source(5, TimeSpan.FromSeconds(30)), Options).Change);
        Assert.False(PerformanceRules.ForSource(Source(2, null), Options).Change);
        Assert.False(PerformanceRules.ForSource(Source(0, null), Options).Change);
        Assert.False(PerformanceRules.ForSource(Source(9, null, TgeSourceRunState.Paused), Options).Change);
    }

    [Fact]
    public void A_recovered_source_comes_down_by_the_factor_and_back_to_its_own_minimum()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), PerformanceRules.ForSource(Source(0, TimeSpan.FromSeconds(20)), Options).Floor);
        Assert.Equal((true, null, "polling fine again (last poll NoNewItems)"), PerformanceRules.ForSource(Source(0, TimeSpan.FromSeconds(10)), Options));
    }

    [Fact]
    public void An_unwell_host_loses_a_slot_down_to_one_and_gets_it_back_only_when_the_optimizer_took_it()
    {
        Assert.Equal(-1, PerformanceRules.ForHost(Host(0.5, 4), false, Options).Delta);
        Assert.Equal(-1, PerformanceRules.ForHost(Host(0, 4, TgeCircuitState.Open), false, Options).Delta);
        Assert.Equal(0, PerformanceRules.ForHost(Host(1, 1), true, Options).Delta);
        Assert.Equal(0, PerformanceRules.ForHost(Host(0.2, 3), true, Options).Delta);
        Assert.Equal(1, PerformanceRules.ForHost(Host(0, 3), true, Options).Delta);
        Assert.Equal(0, PerformanceRules.ForHost(Host(0, 3), false, Options).Delta);
    }
}
