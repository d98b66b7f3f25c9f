using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api.Agents;

/// <summary>
/// <c>/api/agents</c>: the queen's registry (viewer) and her lifecycle commands (operator): spawn, stop, restart one
/// agent; scale a sharded type's group. Keys such as <c>binance#0</c> go in the path URL-encoded (<c>binance%230</c>).
/// The queen validates and applies each command whole or not at all: bad input is a 400 naming the field, an unknown
/// agent a 404, a command her state forbids (another configuration for a running agent, anything while halted) a 409.
/// </summary>
internal static class AgentEndpoints
{
    public static RouteGroupBuilder MapAgents(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents").WithTags("Agents");
        agents.MapGet("", ListAsync).WithName("ListAgents");
        agents.MapGet("/types", (IGrainFactory grains, CancellationToken ct) => Queen(grains).GetAgentTypesAsync(ct)).WithName("GetAgentTypes");
        agents.MapGet("/{type}/{key}", (string type, string key, IGrainFactory grains, CancellationToken ct) => Queen(grains).GetAgentAsync(type, key, ct))
            .WithName("GetAgent");

        var commands = agents.MapGroup("").RequireAuthorization(ApiPolicies.Operator);
        commands.MapPost("/{type}/{key}/spawn", SpawnAsync).WithName("SpawnAgent");
        commands.MapPost("/{type}/{key}/stop", (string type, string key, CommandRequest? request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken ct) =>
            Queen(grains).StopAsync(type, key, ApiActor.Origin(user, request?.Reason), ct)).WithName("StopAgent");
        commands.MapPost("/{type}/{key}/restart", (string type, string key, CommandRequest? request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken ct) =>
            Queen(grains).RestartAsync(type, key, ApiActor.Origin(user, request?.Reason), ct)).WithName("RestartAgent");
        commands.MapPost("/{type}/groups/{group}/scale", ScaleAsync).WithName("ScaleAgents");
        return api;
    }

    internal static IQueenGrain Queen(IGrainFactory grains) => grains.GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

    private static Task<IReadOnlyList<AgentInfo>> ListAsync(string? type, IGrainFactory grains, CancellationToken cancellationToken) =>
        Queen(grains).ListAgentsAsync(string.IsNullOrEmpty(type) ? null : type, cancellationToken);

    private static async Task<Results<Ok<AgentInfo>, ValidationProblem>> SpawnAsync(
        string type, string key, SpawnAgentRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (request.Configuration is not { ValueKind: JsonValueKind.Object } configuration)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["configuration"] = ["configuration is required: the agent type's settings as a JSON object."] },
                title: "The agent cannot be spawned.");
        }

        return TypedResults.Ok(await Queen(grains).SpawnAsync(type, key, configuration.GetRawText(), ApiActor.Origin(user, request.Reason), cancellationToken));
    }

    private static async Task<Results<Ok<ScaleResult>, ValidationProblem>> ScaleAsync(
        string type, string group, ScaleAgentsRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Shards is null)
        {
            errors["shards"] = ["shards is required: the number of shards to run."];
        }

        if (request.Configuration is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            errors["configuration"] = ["configuration, when given, must be a JSON object: the group's template."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The group cannot be scaled.");
        }

        var configuration = request.Configuration is { ValueKind: JsonValueKind.Object } c ? c.GetRawText() : null;
        return TypedResults.Ok(await Queen(grains).ScaleAsync(type, group, request.Shards!.Value, configuration, ApiActor.Origin(user, request.Reason), cancellationToken));
    }
}
