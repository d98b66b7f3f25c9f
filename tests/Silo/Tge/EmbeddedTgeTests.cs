using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Interfaces.Tge.Sources;
using TgeSwarm.Grains.Tge.Events;
using TgeSwarm.Runtime;
using TgeSwarm.Silo.Tests.Support;

namespace TgeSwarm.Silo.Tests.Tge;

/// <summary>The embedded default runs the TGE pipeline on its local sources: the run command shows events detected.</summary>
public sealed class EmbeddedTgeTests(EmbeddedTgeTests.Factory factory) : IClassFixture<EmbeddedTgeTests.Factory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_local_sources_are_polled_and_their_listings_become_events_once_each()
    {
        _ = factory.Server;
        var store = factory.Services.GetRequiredService<ITgeEventStore>();

        // A listing published on schedule reaches the store through source, keyword stage and event grain.
        var page = await Eventually.ReadAsync(() => store.QueryAsync(new TgeEventQuery(Limit: 500), None), p => p.Items.Any(e => e.Symbol == "SCH1"));
        var scheduled = Assert.Single(page.Items, e => e.Symbol == "SCH1");
        Assert.Equal(TgeKind.Listing, scheduled.Kind);
        Assert.Contains(scheduled.Sightings, s => s.SourceId is "binance-new-listings" or "news-rss");

        // Every local source is configured and polled; none is failing.
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        foreach (var id in new[] { "binance-new-listings", "okx-new-listings", "bybit-new-crypto", "news-rss", "project-atom", "listing-html" })
        {
            var status = await Eventually.ReadAsync(() => grains.GetGrain<ISourceGrain>(id).GetStatusAsync(None), s => s.Polls > 0);
            Assert.True(status.Polls > 0, $"{id} was never polled: {status}");
        }

        // The sources are the queen's agents, so operators see and drive them like any other.
        var agents = await grains.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey).ListAgentsAsync(AgentTypes.Source, None);
        Assert.Equal(6, agents.Count);
        Assert.All(agents, a => Assert.Equal(AgentState.Running, a.DesiredState));

        // The seeds' real listings were detected too, each token once however many sources carry it.
        Assert.True(page.Items.Count >= 2, $"only {page.Items.Count} events");
        Assert.Equal(page.Items.Count, page.Items.Select(e => e.TokenSlug).Distinct().Count());
    }

    [Fact]
    public void Bad_local_source_settings_stop_the_host_with_the_settings_named()
    {
        using var bad = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Swarm:SiloPort", "0");
            builder.UseSetting("Market:Replay:Enabled", "false");
            builder.UseSetting("Tge:LocalSources:MinInterval", "00:00:05");
            builder.UseSetting("Tge:LocalSources:MaxInterval", "00:00:01");
        });

        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());

        Assert.Contains("Tge:LocalSources:MaxInterval", error.ToString(), StringComparison.Ordinal);
    }

    public sealed class Factory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Swarm:SiloPort", "0");
            builder.UseSetting("Market:Replay:Enabled", "false");
            builder.UseSetting("Tge:LocalSources:PublishEvery", "00:00:01");
        }
    }
}
