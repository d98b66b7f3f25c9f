using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api.Memory;

/// <summary>
/// <c>/api/memory/{namespace}</c>: the memory coordinator's shared findings. Reads (list by prefix, paged; get one)
/// for viewers; writes and removals, optionally conditional on a version (409 when it moved on), for operators.
/// </summary>
internal static class MemoryEndpoints
{
    public const int MaxLimit = 1000;
    public const double MaxTtlSeconds = 365 * 24 * 3600;

    public static RouteGroupBuilder MapMemory(this RouteGroupBuilder api)
    {
        var memory = api.MapGroup("/memory/{ns}").WithTags("Memory");
        memory.MapGet("", ListAsync).WithName("ListMemory");
        memory.MapGet("/{key}", GetAsync).WithName("GetMemoryEntry");
        memory.MapPut("/{key}", SetAsync).RequireAuthorization(ApiPolicies.Operator).WithName("SetMemoryEntry");
        memory.MapDelete("/{key}", RemoveAsync).RequireAuthorization(ApiPolicies.Operator).WithName("RemoveMemoryEntry");
        return api;
    }

    private static async Task<Results<Ok<MemoryPage>, ValidationProblem>> ListAsync(
        string ns, string? prefix, string? limit, string? cursor, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var size = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"limit must be a whole number from 1 to {MaxLimit} (was '{limit}')."] },
                title: "The memory query is invalid.");
        }

        return TypedResults.Ok(await grains.GetGrain<IMemoryGrain>(ns).ListAsync(prefix, size, cursor, cancellationToken));
    }

    private static async Task<Results<Ok<MemoryEntry>, ProblemHttpResult>> GetAsync(string ns, string key, IGrainFactory grains, CancellationToken cancellationToken) =>
        await grains.GetGrain<IMemoryGrain>(ns).GetAsync(key, cancellationToken) is { } entry
            ? TypedResults.Ok(entry)
            : NotFound(ns, key);

    private static async Task<Results<Ok<MemoryWritten>, ValidationProblem>> SetAsync(
        string ns, string key, SetMemoryRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Value is not { ValueKind: not JsonValueKind.Undefined })
        {
            errors["value"] = ["value is required: any JSON value."];
        }

        if (request.TtlSeconds is { } ttl && (double.IsNaN(ttl) || ttl <= 0 || ttl > MaxTtlSeconds))
        {
            errors["ttlSeconds"] = [$"ttlSeconds must be more than 0 and at most {MaxTtlSeconds} (a year); leave it out for no expiry."];
        }

        if (request.ExpectedVersion is < 0)
        {
            errors["expectedVersion"] = ["expectedVersion must be 0 (the key must not exist) or a version read before."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The memory entry cannot be written.");
        }

        var version = await grains.GetGrain<IMemoryGrain>(ns).SetAsync(
            key,
            request.Value!.Value.GetRawText(),
            request.TtlSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            request.ExpectedVersion,
            ApiActor.Of(user),
            cancellationToken);
        return TypedResults.Ok(new MemoryWritten(ns, key, version));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string ns, string key, long? expectedVersion, IGrainFactory grains, CancellationToken cancellationToken) =>
        await grains.GetGrain<IMemoryGrain>(ns).RemoveAsync(key, expectedVersion, cancellationToken)
            ? TypedResults.NoContent()
            : NotFound(ns, key);

    private static ProblemHttpResult NotFound(string ns, string key) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such memory entry.",
        detail: $"Namespace '{ns}' has no live entry '{key}' (it may have expired); GET /api/memory/{ns} lists them.");
}
