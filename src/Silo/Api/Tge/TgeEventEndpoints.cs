using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Silo.Api.Tge;

/// <summary>
/// <c>/api/tge/events</c> (viewer): detected TGE events, newest first, filtered by time of detection, token, kind and
/// confidence, paged by an opaque cursor; <c>/api/tge/events/{slug}</c>: one token's record with every sighting. Read
/// from the silo's <see cref="ITgeEventStore"/>; a silo without TGE detection answers 503.
/// </summary>
internal static class TgeEventEndpoints
{
    public static RouteGroupBuilder MapTgeEvents(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/tge/events").WithTags("TGE");
        events.MapGet("", QueryAsync).WithName("QueryTgeEvents");
        events.MapGet("/{slug}", GetAsync).WithName("GetTgeEvent");
        return api;
    }

    private static async Task<Results<Ok<TgeEventPage>, ValidationProblem, ProblemHttpResult>> QueryAsync(
        string? from,
        string? to,
        string? token,
        string? kind,
        string? minConfidence,
        string? limit,
        string? cursor,
        [FromServices] ITgeEventStore? store,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var query = TgeEventQueryParser.Parse(errors, from, to, token, kind, minConfidence, limit, cursor);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The event query is invalid.");
        }

        return store is null ? NoStore() : TypedResults.Ok(await store.QueryAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<TgeEvent>, ProblemHttpResult>> GetAsync(
        string slug, [FromServices] ITgeEventStore? store, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return NoStore();
        }

        return await store.GetAsync(slug, cancellationToken) is { } record
            ? TypedResults.Ok(record)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No TGE event for this token.",
                detail: $"No TGE event has been detected for '{slug}'. GET /api/tge/events?token={slug} searches by symbol too.");
    }

    private static ProblemHttpResult NoStore() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "TGE detection is not running on this silo.",
        detail: "This silo has no TGE event store; ask a silo that runs TGE detection.");
}
