using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tests.Tge.Keywords;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Events;

/// <summary>An event grain collected when idle comes back with its record and still knows which items it has seen.</summary>
public sealed class TgeEventDeactivationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton<TimeProvider>(_time);
            silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.Services.AddTgeDetection();
            silo.AddGrainAssembly(typeof(TgeDetectionExtensions).Assembly);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_record_survives_deactivation_and_a_repeat_after_it_is_still_a_duplicate()
    {
        var grain = _cluster.GrainFactory.GetGrain<ITgeEventGrain>("svv");
        var candidate = TgeItems.Candidate("svv", TgeItems.Item("binance", "s1", "Binance Will List Survivor (SVV)"), "SVV", "Survivor", venue: "Binance");
        Assert.Equal(TgeMergeOutcome.Created, await grain.MergeAsync(candidate, CancellationToken.None));
        var before = await grain.GetAsync(CancellationToken.None);

        // Past the 15-minute collection age the idle activation is collected (the collector runs on the silo's clock).
        var management = _cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var remaining = await Eventually.ReadAsync(
            async () =>
            {
                _time.Advance(TimeSpan.FromMinutes(5));
                return await management.GetActivations("tgeevent", 10);
            },
            activations => activations.Count == 0);
        Assert.Empty(remaining);

        TgeRecords.Same(before, await grain.GetAsync(CancellationToken.None));
        Assert.Equal(TgeMergeOutcome.Duplicate, await grain.MergeAsync(candidate, CancellationToken.None));
        Assert.Equal(TgeMergeOutcome.Updated, await grain.MergeAsync(
            TgeItems.Candidate("svv", TgeItems.Item("okx", "o1", "OKX to list Survivor (SVV)"), "SVV"), CancellationToken.None));
        Assert.Equal(2, (await grain.GetAsync(CancellationToken.None))!.Version);
    }
}
