using System.Text.Json;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Coordination.Queen;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Tests.Tge.Sources;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Coordination;

/// <summary>
/// One silo with the queen and the TGE sources on a fake clock, and the local source server on 127.0.0.1: sources
/// poll when they are (re)started and never again unless a test moves the clock, so every poll count is exact.
/// </summary>
public sealed class ScraperQueenFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public LocalSourceServer Server { get; private set; } = null!;

    public IQueenGrain Queen => Cluster.GrainFactory.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

    public async Task InitializeAsync()
    {
        Server = await LocalSources.StartAsync();
        Cluster = await CoordinationClusters.StartAsync(
            settings: new()
            {
                // The host guards must not wait on a clock only the test moves.
                ["Tge:Hosts:MinSpacing"] = "00:00:00",
                ["Tge:Hosts:MaxRetries"] = "0",
                ["Tge:Performance:SweepPeriod"] = "1.00:00:00",
            },
            time: Time);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>
    /// A scraper group template: each id polls one of the server's sources in turn (ids share endpoints; each source
    /// grain keeps its own seen items), emitting what it finds on its first poll, then every 10 minutes at most.
    /// </summary>
    public string Template(IReadOnlyList<string> ids)
    {
        var endpoints = Server.Sources.Select(static s => s.SourceId).Order(StringComparer.Ordinal).ToList();
        var sources = ids.Select((id, i) => KeyValuePair.Create(id, LocalSources.Settings(Server, endpoints[i % endpoints.Count]))).ToDictionary(StringComparer.Ordinal);
        return JsonSerializer.Serialize(new { sources }, SourceSettingsJson.Options);
    }
}
