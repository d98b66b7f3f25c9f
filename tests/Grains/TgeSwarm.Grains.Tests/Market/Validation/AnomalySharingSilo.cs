using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Feeds;
using TgeSwarm.Grains.Coordination.Hosting;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Stages;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge.Sources.Hosting;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>
/// One silo as the host wires the market pipeline and the coordination grains, on a fake clock: the validation grain's
/// share timer ticks, the memory's TTLs and idle collection move only when a test advances it. Grain storage is
/// <see cref="Storage"/>, whose memory-namespace state a test can make fail. Event times are not checked against the
/// clock, so trades stamped at any time pass.
/// </summary>
internal sealed class AnomalySharingSilo : IAsyncDisposable
{
    private AnomalySharingSilo(TestCluster cluster, FakeTimeProvider time, LogRecorder logs, SwitchableGrainStorage storage)
    {
        Cluster = cluster;
        Time = time;
        Logs = logs;
        Storage = storage;
    }

    public TestCluster Cluster { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The memory namespace the validation grains share their baselines in.</summary>
    public IMemoryGrain Memory => Cluster.GrainFactory.GetGrain<IMemoryGrain>(AnomalyFindings.Namespace);

    public LogRecorder Logs { get; }

    public SwitchableGrainStorage Storage { get; }

    public static async Task<AnomalySharingSilo> StartAsync()
    {
        var time = new FakeTimeProvider();
        var logs = new LogRecorder(typeof(ValidationGrain).FullName!);
        var storage = new SwitchableGrainStorage("memory");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Market:Console:Period"] = "00:00:00",
                ["Coordination:Queen:ReconcileInterval"] = "1.00:00:00",
            })
            .Build();
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton<TimeProvider>(time);

            // Calls, and an activation the storage holds, must not time out on a clock the test moves by minutes.
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
            silo.Configure<GrainCollectionOptions>(o => o.ActivationTimeout = TimeSpan.FromDays(1));
            logs.AddTo(silo.Services);
            silo.Services.AddKeyedSingleton<Runtime.Persistence.IGrainStorage>(PersistentStateAttribute.DefaultStorageName, storage);
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(MarketStreamNames.Provider);
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.AddMarketPipeline(configuration);
            silo.Services.AddTgeSources(configuration);
            silo.Services.AddCoordination(configuration);
            silo.Configure<MarketValidationOptions>(o =>
            {
                o.MaxAge = null;
                o.MaxClockSkew = null;
            });
            silo.AddGrainAssembly(typeof(MarketSiloExtensions).Assembly);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new AnomalySharingSilo(cluster, time, logs, storage);
    }

    public IValidationGrain Validation(Venue venue) => Cluster.GrainFactory.GetGrain<IValidationGrain>(VenueNames.Name(venue));

    /// <summary>
    /// Publishes <paramref name="trades"/> as one batch on the venue's <c>market.raw</c> and waits until validation has
    /// taken them in. Every wait is bounded in real time: a grain turn stuck on the memory grain (calls never time out
    /// here) fails the test saying so instead of hanging it.
    /// </summary>
    public async Task<StageStatistics> ValidateAsync(Venue venue, IReadOnlyList<Trade> trades)
    {
        var validation = Validation(venue);
        var name = VenueNames.Name(venue);
        var before = (await Within(validation.GetStatisticsAsync(CancellationToken.None), $"validation/{name} to answer before the batch")).EventsIn;
        var raw = Cluster.Client.GetStreamProvider(MarketStreamNames.Provider)
            .GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Raw, name));
        await Within(raw.OnNextAsync(new MarketBatch(venue, [.. trades], [], ReceivedAt: 1, Frames: trades.Count)), $"market.raw/{name} to take the batch");
        var after = await Eventually.ReadAsync(
            () => Within(validation.GetStatisticsAsync(CancellationToken.None), $"validation/{name} to answer after the batch"),
            s => s.EventsIn >= before + trades.Count);
        Assert.True(after.EventsIn == before + trades.Count, $"timed out waiting for validation/{name} to take in {trades.Count} trades after {before}: it counted {after.EventsIn}");
        return after;
    }

    /// <summary>The task's result, or a <see cref="TimeoutException"/> naming what did not happen within 30 s.</summary>
    public static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"timed out after 30 s waiting for {what}", exception);
        }
    }

    public static async Task Within(Task task, string what)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"timed out after 30 s waiting for {what}", exception);
        }
    }

    /// <summary>Waits until the validation grain wrote a log event with <paramref name="id"/> for the <paramref name="count"/>-th time.</summary>
    public async Task<IReadOnlyList<string>> LoggedAsync(int id, int count, string phase)
    {
        var messages = await Eventually.ReadAsync(() => Task.FromResult(Logs.Messages(id)), m => m.Count >= count);
        Assert.True(messages.Count >= count, $"timed out waiting for validation log event {id} #{count} ({phase}); logged: {string.Join(" | ", Logs.Events.Select(static e => $"{e.Id} {e.Message}"))}");
        return messages;
    }

    public async ValueTask DisposeAsync()
    {
        // A held activation would hold up the silo's stop.
        Storage.Release();
        await Cluster.DisposeAsync();
    }
}
