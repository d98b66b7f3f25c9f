using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Coordination.Memory;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge.Sources;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>
/// The floor the performance grain tuned, shared in memory namespace <c>tge.sources</c>, outliving the source's
/// activation: a second silo on the same PostgreSQL storage and service id activates the source afresh.
/// </summary>
public sealed class SourceFindingTests
{
    private const string SourceId = "finding-okx";

    [Fact]
    public async Task A_source_activated_again_after_a_silo_restart_takes_back_the_floor_the_performance_grain_tuned()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var server = await LocalSources.StartAsync();
        var serviceId = $"tge-finding-{Guid.NewGuid():N}";
        void Storage(ISiloBuilder silo) => silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, database.ConnectionString);

        await TuneInFirstSiloAsync(server, Storage, serviceId, configure: null, shared: true);

        var secondTime = new FakeTimeProvider();
        var logs = new LogRecorder(SourceSilo.LogCategories);
        await using var second = SourceSilo.Build(secondTime, new Dictionary<string, string?>(), Storage, serviceId, logs);
        await second.DeployAsync();
        var again = second.GrainFactory.GetGrain<ISourceGrain>(SourceId);

        var status = await Eventually.ReadAsync(() => again.GetStatusAsync(CancellationToken.None), s => s.TunedMinInterval is not null && s.Polls >= 1);

        Assert.Equal(TimeSpan.FromSeconds(2), status.TunedMinInterval);
        Assert.Equal(TgeSourceRunState.Running, status.State);
        Assert.Contains(logs.Events, e => e.Id == TgeSourceEventIds.SourceRecalled && e.Message.Contains("00:00:02", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_memory_coordinator_that_fails_neither_stops_the_tuning_nor_the_polling_of_a_source_activated_again()
    {
        await using var database = await HistoryDatabase.CreateAsync();
        await using var server = await LocalSources.StartAsync();
        var serviceId = $"tge-finding-down-{Guid.NewGuid():N}";
        void Storage(ISiloBuilder silo) => silo.AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, database.ConnectionString);

        // Keys of one character at most: every read and write of the source's finding is refused by the memory grain.
        void Failing(ISiloBuilder silo) => silo.Services.Configure<MemoryOptions>(o => o.MaxKeyLength = 1);

        var firstLogs = await TuneInFirstSiloAsync(server, Storage, serviceId, Failing, shared: false);
        Assert.Contains(firstLogs.Events, e => e.Id == TgeSourceEventIds.PerformanceShareFailed);

        var secondTime = new FakeTimeProvider();
        var logs = new LogRecorder(SourceSilo.LogCategories);
        await using var second = SourceSilo.Build(secondTime, new Dictionary<string, string?>(), Storage, serviceId, logs, Failing);
        await second.DeployAsync();
        var again = second.GrainFactory.GetGrain<ISourceGrain>(SourceId);

        var status = await SourceSilo.QuiescentAsync(again, secondTime, 1);
        await Eventually.ReadAsync(() => Task.FromResult(logs.Events), e => e.Any(x => x.Id == TgeSourceEventIds.SourceRecallFailed));

        Assert.Equal(TgeSourceRunState.Running, status.State);
        Assert.Equal(TgePollOutcome.NewItems, status.LastOutcome);
        Assert.Null((await again.GetStatusAsync(CancellationToken.None)).TunedMinInterval);
        Assert.Contains(logs.Events, e => e.Id == TgeSourceEventIds.SourceRecallFailed);
    }

    /// <summary>In a first silo: the source fails three polls, a sweep raises its floor to 2 s; then the silo stops.</summary>
    private static async Task<LogRecorder> TuneInFirstSiloAsync(
        LocalSourceServer server, Action<ISiloBuilder> storage, string serviceId, Action<ISiloBuilder>? configure, bool shared)
    {
        var time = new FakeTimeProvider();
        var logs = new LogRecorder(SourceSilo.LogCategories);
        await using var first = SourceSilo.Build(time, new Dictionary<string, string?>(), storage, serviceId, logs, configure);
        await first.DeployAsync();
        server.InjectFault(new LocalSourceFault("okx-new-listings", LocalSourceFaultKind.ServerError));
        var source = first.GrainFactory.GetGrain<ISourceGrain>(SourceId);
        var performance = first.GrainFactory.GetGrain<IPerformanceGrain>(0);
        await source.StartAsync(LocalSources.Settings(server, "okx-new-listings", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60)), CancellationToken.None);
        await SourceSilo.QuiescentAsync(source, time, 1);
        await source.PollNowAsync(CancellationToken.None);
        await source.PollNowAsync(CancellationToken.None);
        await Eventually.ReadAsync(() => performance.GetStatusAsync(CancellationToken.None), s => s.WatchedSources == 1);

        var decisions = await performance.SweepNowAsync(CancellationToken.None);

        Assert.Contains(decisions, d => d.Target == $"source:{SourceId}" && d.To == "00:00:02");
        Assert.Equal(TimeSpan.FromSeconds(2), (await source.GetStatusAsync(CancellationToken.None)).TunedMinInterval);
        if (shared)
        {
            Assert.NotNull(await first.GrainFactory.GetGrain<IMemoryGrain>(SourceFindings.Namespace).GetAsync(SourceId, CancellationToken.None));
        }

        server.ClearFaults("okx-new-listings");
        return logs;
    }
}
