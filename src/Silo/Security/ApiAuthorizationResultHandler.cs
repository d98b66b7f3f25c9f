using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace TgeSwarm.Silo.Security;

/// <summary>
/// Answers a key whose role is too low with a 403 ProblemDetails that names the role the call needs and the one the
/// key has; everything else (success, and the 401 challenge, which the scheme writes) goes the default way.
/// </summary>
internal sealed class ApiAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failed = (authorizeResult.AuthorizationFailure?.FailedRequirements ?? policy.Requirements)
            .OfType<RolesAuthorizationRequirement>()
            .ToArray();
        if (!authorizeResult.Forbidden || failed.Length == 0)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        // Each policy lists a role and every role above it, so its lowest is the one it needs; a group's policy and
        // an endpoint's both apply, and the higher of the two is what the caller lacks.
        var needed = failed
            .Select(r => r.AllowedRoles.Select(name => ApiRoles.TryParse(name, out var role) ? role : ApiRole.Admin).Min())
            .Max();
        var has = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "no";
        var name = context.User.FindFirst(ApiKeyDefaults.KeyNameClaim)?.Value ?? "?";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = $"This call needs the {ApiRoles.Name(needed)} role.",
                Detail = $"{context.Request.Method} {context.Request.Path} needs the {ApiRoles.Name(needed)} role or higher; the API key '{name}' has the {has} role. Ask an admin for a key with that role.",
            },
        });
    }
}
