using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Grains.Tge.Sources.Hosting;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>
/// A silo as the host wires the TGE sources (stream provider "tge", reminders, this assembly's grains) on a fake
/// clock: polls happen when a test advances the clock or asks for one, so every count is exact. Calls never time
/// out on the fake clock, the host guards neither space nor retry unless the test's settings say so, and the
/// performance grain sweeps only when asked.
/// </summary>
internal static class SourceSilo
{
    /// <summary>The log categories of the TGE sources, host guards and performance grain, for a <see cref="LogRecorder"/>.</summary>
    public const string LogCategories = "TgeSwarm.Grains.Tge";

    public static TestCluster Build(
        FakeTimeProvider time,
        IDictionary<string, string?> settings,
        Action<ISiloBuilder>? storage = null,
        string? serviceId = null,
        LogRecorder? logs = null,
        Action<ISiloBuilder>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Tge:Hosts:MinSpacing"] = "00:00:00",
            ["Tge:Hosts:MaxRetries"] = "0",

            // The performance grain tunes only when a test sweeps: a sweep on a clock step would change intervals under other tests.
            ["Tge:Performance:SweepPeriod"] = "1.00:00:00",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var builder = new TestClusterBuilder();
        if (serviceId is not null)
        {
            builder.Options.ServiceId = serviceId;
        }

        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton<TimeProvider>(time);
            if (logs is not null)
            {
                logs.AddTo(silo.Services);
            }

            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
            if (storage is null)
            {
                silo.AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            }
            else
            {
                storage(silo);
            }

            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.Services.AddTgeSources(configuration);
            silo.AddGrainAssembly(typeof(TgeSourcesExtensions).Assembly);
            configure?.Invoke(silo);
        });
        return builder.Build();
    }

    /// <summary>
    /// Waits until the source has made at least <paramref name="polls"/> polls and none is in flight (the next one is
    /// scheduled in the future of the fake clock, which only the test moves), so what follows is deterministic.
    /// </summary>
    public static async Task<TgeSourceStatus> QuiescentAsync(ISourceGrain source, FakeTimeProvider time, long polls)
    {
        var status = await Support.Eventually.ReadAsync(
            () => source.GetStatusAsync(CancellationToken.None),
            s => s.Polls >= polls && s.NextPollAt > time.GetUtcNow());
        Assert.True(status.Polls >= polls && status.NextPollAt > time.GetUtcNow(), $"timed out waiting for {status.SourceId} to finish poll {polls}: {Describe(status)}");
        return status;
    }

    public static string Describe(TgeSourceStatus s) =>
        $"state {s.State}, polls {s.Polls}, last {s.LastOutcome} {s.LastReason}, emitted {s.ItemsEmitted}, errors [{string.Join(", ", s.Errors.Select(e => $"{e.Key}={e.Value}"))}], next {s.NextPollAt:O}";
}
