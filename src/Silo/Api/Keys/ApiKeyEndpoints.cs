using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TgeSwarm.Silo.Api.Audit;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api.Keys;

/// <summary>
/// <c>/api/keys</c> (admin): create a key (shown once), list keys, revoke one (the row stays, marked revoked, so the
/// audit log keeps naming it). <c>GET /api/keys/current</c> (any role): the key of the request itself.
/// </summary>
internal static class ApiKeyEndpoints
{
    public const int MaxNameLength = 100;

    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        api.MapGet("/keys/current", Current).WithName("GetCurrentApiKey");

        var keys = api.MapGroup("/keys").RequireAuthorization(ApiPolicies.Admin).WithTags("Keys");
        keys.MapPost("", CreateAsync).WithName("CreateApiKey");
        keys.MapGet("", ListAsync).WithName("ListApiKeys");
        keys.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey");
        return api;
    }

    private static CurrentApiKey Current(ClaimsPrincipal user) => new(
        user.FindFirst(ApiKeyDefaults.KeyIdClaim)?.Value ?? "",
        user.FindFirst(ApiKeyDefaults.KeyNameClaim)?.Value ?? "",
        user.FindFirst(ClaimTypes.Role)?.Value ?? "");

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest request, ApiKeyIssuer issuer, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["name"] = ["A name is required: who or what will hold the key."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"The name must be at most {MaxNameLength} characters (was {name.Length})."];
        }

        if (!ApiRoles.TryParse(request.Role, out var role))
        {
            errors["role"] = [$"The role must be one of {ApiRoles.Viewer}, {ApiRoles.Operator}, {ApiRoles.Admin} (was '{request.Role}')."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The key cannot be created.");
        }

        var (record, secret) = await issuer.CreateAsync(name!, role, cancellationToken);
        ApiAudit.SetTarget(context, "id=" + record.Id);
        return TypedResults.Created($"/api/keys/{record.Id}", new CreatedApiKey(record.Id, record.Name, ApiRoles.Name(record.Role), record.CreatedAt, secret));
    }

    private static async Task<ApiKeyInfo[]> ListAsync(IApiKeyStore store, CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(cancellationToken);
        return keys.Select(k => new ApiKeyInfo(k.Id, k.Name, Enum.IsDefined(k.Role) ? ApiRoles.Name(k.Role) : "unknown", k.CreatedAt, k.RevokedAt)).ToArray();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, ApiKeyIssuer issuer, CancellationToken cancellationToken) =>
        await issuer.RevokeAsync(id, cancellationToken) switch
        {
            RevokeOutcome.Revoked => TypedResults.NoContent(),
            RevokeOutcome.Configured => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The configured admin key cannot be revoked here.",
                detail: "This key comes from Api:AdminKey and is restored on every start: change or remove Api:AdminKey and restart the silos."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such API key.",
                detail: $"There is no API key with id '{id}'; GET /api/keys lists them."),
        };
}
