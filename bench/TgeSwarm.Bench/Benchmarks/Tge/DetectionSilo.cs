using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge;
using TgeSwarm.Grains.Tge.Sources.Hosting;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// One silo with the whole TGE pipeline as the host wires it (sources and host guards, keyword stage, event grains
/// with the in-memory store, alerts; memory streams "tge", memory storage, in-memory reminders), plus the probe.
/// </summary>
internal static class DetectionSilo
{
    /// <summary>
    /// Every local source shares the guard of 127.0.0.1. Its defaults (MinSpacing 200 ms, i.e. at most 5 request
    /// starts per second, and 4 at once) suit a public API polled every few seconds; 100 sources polled every second
    /// need 100 requests per second, so the benchmark lifts the spacing and raises the cap to its bound for that host.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> HostSettings = new Dictionary<string, string?>
    {
        ["Tge:Hosts:PerHost:127.0.0.1:MinSpacing"] = "00:00:00",
        ["Tge:Hosts:PerHost:127.0.0.1:MaxConcurrency"] = "64",
    };

    public static async Task<TestCluster> StartAsync(DetectionProbe probe)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(HostSettings).Build();
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            // The bench assembly's other grains need their storages too ("store", "pg").
            silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg").AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName);
            silo.UseInMemoryReminderService();
            silo.AddMemoryStreams(TgeStreamNames.Provider);
            silo.Services.AddTgeSources(configuration);
            silo.Services.AddTgeDetection(configuration);
            silo.Services.AddSingleton(probe);
            silo.AddGrainAssembly(typeof(TgeDetectionExtensions).Assembly);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
