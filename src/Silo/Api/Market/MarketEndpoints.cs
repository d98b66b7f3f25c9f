using Microsoft.AspNetCore.Http.HttpResults;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Silo.Api.Market;

/// <summary>
/// <c>/api/market</c> (viewer): an instrument's latest features per venue and its recent closed bars, read through
/// the silo's read caches (<see cref="MarketReads"/>); <c>X-Cache: hit|miss</c> says which answered. <c>/api/market/cache</c>
/// shows the caches' policy and hit rate.
/// </summary>
internal static class MarketEndpoints
{
    public const string CacheHeader = "X-Cache";

    public static RouteGroupBuilder MapMarket(this RouteGroupBuilder api)
    {
        var market = api.MapGroup("/market").WithTags("Market");
        market.MapGet("/cache", (MarketReads reads) => reads.Statistics()).WithName("GetMarketReadCaches");
        market.MapGet("/{instrument}/features", GetFeaturesAsync).WithName("GetFeatures");
        market.MapGet("/{instrument}/bars", GetBarsAsync).WithName("GetBars");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<FeatureSnapshot>>, ValidationProblem, ProblemHttpResult>> GetFeaturesAsync(
        string instrument, MarketReads reads, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        MarketQuery.Name(errors, "instrument", instrument, "BTC-USDT");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The instrument is invalid.");
        }

        var (features, hit) = await reads.GetFeaturesAsync(instrument, cancellationToken);
        response.Headers[CacheHeader] = hit ? "hit" : "miss";
        return features.Count == 0
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No features for this instrument.",
                detail: $"No venue has reported features for '{instrument}' (yet). Instruments are unified names such as BTC-USDT.")
            : TypedResults.Ok(features);
    }

    private static async Task<Results<Ok<IReadOnlyList<Bar>>, ValidationProblem>> GetBarsAsync(
        string instrument, string? venue, string? interval, string? count, MarketReads reads, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        MarketQuery.Name(errors, "instrument", instrument, "BTC-USDT");
        MarketQuery.Name(errors, "venue", venue, "binance");
        var seconds = MarketQuery.Integer(errors, "interval", interval, MarketQuery.DefaultInterval, MarketQuery.MaxInterval);
        var bars = MarketQuery.Integer(errors, "count", count, MarketQuery.DefaultCount, MarketQuery.MaxCount);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The bar query is invalid.");
        }

        var (found, hit) = await reads.GetBarsAsync(instrument, venue!, seconds, bars, cancellationToken);
        response.Headers[CacheHeader] = hit ? "hit" : "miss";
        return TypedResults.Ok(found);
    }
}
