using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;
using TgeSwarm.Silo.Api.Agents;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api.Swarm;

/// <summary>
/// The swarm as a whole, from the queen: health (viewer), pipelines with pause and resume (operator), the halt
/// switch (operator, a reason required), the task distribution (viewer) and the queen's action log (viewer, paged).
/// </summary>
internal static class SwarmEndpoints
{
    public const int MaxActions = 500;

    public static RouteGroupBuilder MapSwarm(this RouteGroupBuilder api)
    {
        var swarm = api.MapGroup("").WithTags("Swarm");
        swarm.MapGet("/swarm/health", (IGrainFactory grains, CancellationToken ct) => AgentEndpoints.Queen(grains).GetHealthAsync(ct)).WithName("GetSwarmHealth");
        swarm.MapGet("/swarm/actions", GetActionsAsync).WithName("GetQueenActions");
        swarm.MapGet("/tasks", (IGrainFactory grains, CancellationToken ct) => AgentEndpoints.Queen(grains).GetTaskDistributionAsync(ct)).WithName("GetTaskDistribution");
        swarm.MapGet("/pipelines", async (IGrainFactory grains, CancellationToken ct) => (await AgentEndpoints.Queen(grains).GetHealthAsync(ct)).Pipelines)
            .WithName("ListPipelines");

        var commands = swarm.MapGroup("").RequireAuthorization(ApiPolicies.Operator);
        commands.MapPost("/pipelines/{name}/pause", (string name, CommandRequest? request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken ct) =>
            AgentEndpoints.Queen(grains).PauseAsync(name, ApiActor.Origin(user, request?.Reason), ct)).WithName("PausePipeline");
        commands.MapPost("/pipelines/{name}/resume", (string name, CommandRequest? request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken ct) =>
            AgentEndpoints.Queen(grains).ResumeAsync(name, ApiActor.Origin(user, request?.Reason), ct)).WithName("ResumePipeline");
        commands.MapPost("/swarm/halt", (CommandRequest? request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken ct) =>
            AgentEndpoints.Queen(grains).HaltAsync(ApiActor.Origin(user, request?.Reason), ct)).WithName("HaltSwarm");
        return api;
    }

    private static async Task<Results<Ok<QueenActionPage>, ValidationProblem>> GetActionsAsync(
        string? limit, string? cursor, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxActions))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxActions} (was '{limit}')."];
        }

        long? before = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                before = id;
            }
            else
            {
                errors["cursor"] = ["cursor must be the nextBefore of a previous page."];
            }
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "The action log query is invalid.")
            : TypedResults.Ok(await AgentEndpoints.Queen(grains).GetActionsAsync(size, before, cancellationToken));
    }
}
