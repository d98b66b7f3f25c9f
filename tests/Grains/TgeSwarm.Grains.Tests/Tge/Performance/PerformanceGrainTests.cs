using System.Text.Json;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tests.Tge.Sources;
using TgeSwarm.Grains.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Tge.Performance;

/// <summary>The performance grain over real sources and host guards: it slows what fails and gives back what recovers, saying why.</summary>
public sealed class PerformanceGrainTests(SourceClusterFixture fixture) : IClassFixture<SourceClusterFixture>
{
    [Fact]
    public async Task A_failing_source_and_its_host_are_slowed_within_bounds_and_restored_once_they_recover_each_change_with_its_reason_and_the_source_floor_shared_in_memory_until_restored()
    {
        await using var server = await LocalSources.StartAsync();
        server.InjectFault(new LocalSourceFault("okx-new-listings", LocalSourceFaultKind.ServerError));
        var source = fixture.Cluster.GrainFactory.GetGrain<ISourceGrain>("perf-failing");
        var performance = fixture.Cluster.GrainFactory.GetGrain<IPerformanceGrain>(0);
        var memory = fixture.Cluster.GrainFactory.GetGrain<IMemoryGrain>(SourceFindings.Namespace);
        var host = $"127.0.0.1:{server.BaseAddress.Port}";
        await source.StartAsync(LocalSources.Settings(server, "okx-new-listings", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)), CancellationToken.None);
        await SourceSilo.QuiescentAsync(source, fixture.Time, 1);
        await source.PollNowAsync(CancellationToken.None);
        await source.PollNowAsync(CancellationToken.None);
        await Eventually.ReadAsync(() => performance.GetStatusAsync(CancellationToken.None), s => s.WatchedSources == 1);

        var slowed = await performance.SweepNowAsync(CancellationToken.None);

        Assert.Equal(2, slowed.Count);
        Assert.Equal(("source:perf-failing", "MinInterval", "00:00:01", "00:00:02", "3 failed polls in a row (ServerError)"), Tuple(slowed[0]));
        Assert.Equal(($"host:{host}", "Concurrency", "4", "3", "error rate 100%, circuit Closed"), Tuple(slowed[1]));
        Assert.Equal(TimeSpan.FromSeconds(2), (await source.GetStatusAsync(CancellationToken.None)).TunedMinInterval);
        Assert.Equal(3, (await fixture.Cluster.GrainFactory.GetGrain<IHostGuardGrain>(host).GetStatusAsync(CancellationToken.None)).ConcurrencyLimit);
        var shared = await memory.GetAsync("perf-failing", CancellationToken.None);
        Assert.NotNull(shared);
        Assert.Equal(SourceFindings.Writer, shared.UpdatedBy);
        Assert.Equal(TimeSpan.FromDays(1), shared.ExpiresAt - shared.UpdatedAt);
        using (var value = JsonDocument.Parse(shared.Value))
        {
            Assert.Equal("00:00:02", value.RootElement.GetProperty("floor").GetString());
            Assert.Equal("3 failed polls in a row (ServerError)", value.RootElement.GetProperty("reason").GetString());
            Assert.Equal(LocalSources.Settings(server, "okx-new-listings").Url, value.RootElement.GetProperty("url").GetString());
            Assert.Equal(shared.UpdatedAt, value.RootElement.GetProperty("tunedAt").GetDateTimeOffset());
        }


        server.ClearFaults("okx-new-listings");
        Assert.Equal(TgePollOutcome.NewItems, (await source.PollNowAsync(CancellationToken.None)).Outcome);

        // Past the breaker's 60 s sampling window, so the failures age out, while the source polls on its timer. In
        // steps shorter than a fetch's budget, each waiting for the poll it started: one 61 s jump fired the budget
        // of a poll started during the jump, a failure the frozen clock then kept in the window for good.
        var polls = (await source.GetStatusAsync(CancellationToken.None)).Polls;
        for (var step = 0; step < 16; step++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(4));
            await SourceSilo.QuiescentAsync(source, fixture.Time, polls);
        }

        var recovered = await Eventually.ReadAsync(() => source.GetStatusAsync(CancellationToken.None), s => s.ConsecutiveErrors == 0 && s.LastOutcome is not null);
        Assert.Equal(0, recovered.ConsecutiveErrors);
        var guard = await Eventually.ReadAsync(
            () => fixture.Cluster.GrainFactory.GetGrain<IHostGuardGrain>(host).GetStatusAsync(CancellationToken.None),
            g => g.ErrorRate == 0 && g.Circuit == TgeCircuitState.Closed);
        Assert.Equal(0, guard.ErrorRate);
        var restored = await performance.SweepNowAsync(CancellationToken.None);

        Assert.Equal(2, restored.Count);
        Assert.Equal(("source:perf-failing", "MinInterval", "00:00:02", "00:00:01", "polling fine again (last poll NotModified)"), Tuple(restored[0]));
        Assert.Equal(($"host:{host}", "Concurrency", "3", "4", "no errors in the sampling window"), Tuple(restored[1]));
        Assert.Null(await memory.GetAsync("perf-failing", CancellationToken.None));
        var status = await performance.GetStatusAsync(CancellationToken.None);
        Assert.Equal(4, status.Decisions.Count);
        Assert.Equal(2, status.Sweeps);
        Assert.Equal(0, status.FailingSources);

        await source.RemoveAsync(CancellationToken.None);
        var withdrawn = await Eventually.ReadAsync(() => performance.GetStatusAsync(CancellationToken.None), s => s.WatchedSources == 0);
        Assert.Equal(0, withdrawn.WatchedSources);
    }

    private static (string, string, string, string, string) Tuple(TgePerformanceDecision d) => (d.Target, d.Setting, d.From, d.To, d.Reason);
}
