using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Client.Api;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class MarketEndpointTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>, IDisposable
{
    private readonly HttpClient _http = factory.CreateClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Features_are_read_through_the_silo_cache_a_miss_then_hits()
    {
        var snapshot = Snapshot("FEAT-USD");
        await PublishAsync(new FeatureUpdate(snapshot, []));
        await WaitUntilCachedAsync("FEAT-USD", s => s.Count == 1);
        var before = await CacheAsync(MarketCacheName.Features);

        using var miss = await GetAsync("/api/market/FEAT-USD/features");
        using var hit = await GetAsync("/api/market/FEAT-USD/features");
        var after = await CacheAsync(MarketCacheName.Features);
        var features = await factory.Admin().GetFeaturesAsync("FEAT-USD");

        Assert.Equal("miss", miss.Headers.GetValues("X-Cache").Single());
        Assert.Equal("hit", hit.Headers.GetValues("X-Cache").Single());
        Assert.Equal(before.Hits + 1, after.Hits);
        Assert.Equal(before.Misses + 1, after.Misses);
        Assert.Equal("lru", after.Policy);
        Assert.Equal(snapshot, Assert.Single(features));
    }

    [Fact]
    public async Task Bars_of_a_venue_and_interval_come_from_the_cache_grain()
    {
        var bar = new Bar("binance", "BARS-USD", 60, 1_700_000_040_000_000, 10m, 12m, 9m, 11m, 3m, 33m, 4);
        await PublishAsync(new FeatureUpdate(Snapshot("BARS-USD"), [bar]));
        await WaitUntilCachedAsync("BARS-USD", s => s.Count == 1);

        var bars = await factory.Admin().GetBarsAsync("BARS-USD", "binance", intervalSeconds: 60, count: 10);
        var none = await factory.Admin().GetBarsAsync("BARS-USD", "binance", intervalSeconds: 300, count: 10);

        Assert.Equal(bar, Assert.Single(bars));
        Assert.Empty(none);
    }

    [Fact]
    public async Task An_instrument_nobody_reported_is_a_404_problem()
    {
        using var response = await GetAsync("/api/market/NOBODY-USD/features");

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("'NOBODY-USD'", problem.Detail, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = ApiResponses.Request(HttpMethod.Get, path, ApiSiloFactory.AdminKey);
        return await _http.SendAsync(request);
    }

    private async Task<ReadCacheInfo> CacheAsync(string name) =>
        Assert.Single(await factory.Admin().GetReadCachesAsync(), c => c.Name == name);

    private Task PublishAsync(FeatureUpdate update) =>
        factory.Services.GetRequiredService<IClusterClient>()
            .GetStreamProvider(MarketStreamNames.Provider)
            .GetStream<FeatureUpdate>(StreamId.Create(MarketStreamNames.Features, update.Snapshot.Instrument))
            .OnNextAsync(update);

    /// <summary>Stream delivery is asynchronous: wait, with a bound, until the cache grain has applied the update.</summary>
    private async Task WaitUntilCachedAsync(string instrument, Func<IReadOnlyList<FeatureSnapshot>, bool> done)
    {
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ICacheGrain>(instrument);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (done(await grain.GetLatestAsync(CancellationToken.None)))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"timed out after 10 s waiting for cache/{instrument} to apply the published feature update");
    }

    private static FeatureSnapshot Snapshot(string instrument) =>
        new("binance", instrument, 1_700_000_100_000_000, 11m, 10.5m, 0.01, 0.02, 55.5, null, null, null, 10.9m, 11.1m, 0.2m, 0.1, 4);

    private static class MarketCacheName
    {
        public const string Features = "api-features";
    }
}
