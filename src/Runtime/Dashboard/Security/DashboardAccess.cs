using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Dashboard.Diagnostics;

namespace TgeSwarm.Runtime.Dashboard.Security;

/// <summary>
/// Decides who sees the dashboard, as the authorization middleware would (the same policy evaluator), but answers a
/// person differently from a script: the page redirects an anonymous visitor to the login page (saying so when the
/// stored key was rejected), while the data endpoints answer 401 or 403 as ProblemDetails.
/// </summary>
internal sealed partial class DashboardAccess(
    IOptions<DashboardOptions> options,
    IAuthorizationPolicyProvider policies,
    IPolicyEvaluator evaluator,
    ILogger<DashboardAccess> logger)
{
    /// <summary>Null when the request may proceed, otherwise what to answer instead.</summary>
    public async ValueTask<IResult?> CheckAsync(HttpContext context, bool isPage, string loginPath)
    {
        if (options.Value.AllowAnonymous)
        {
            return null;
        }

        var policyName = options.Value.AuthorizationPolicy;
        var policy = policyName is null
            ? await policies.GetDefaultPolicyAsync()
            : await policies.GetPolicyAsync(policyName)
                ?? throw new InvalidOperationException($"DashboardOptions.AuthorizationPolicy names '{policyName}', which the host's authorization options do not define.");

        var authentication = await evaluator.AuthenticateAsync(policy, context);
        var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, resource: null);
        if (authorization.Succeeded)
        {
            return null;
        }

        var hasCookie = context.Request.Cookies.ContainsKey(options.Value.ApiKeyCookieName);
        LogAccessDenied(logger, context.Request.Path, authorization.Challenged ? "not signed in" : "forbidden", hasCookie);
        if (authorization.Challenged)
        {
            return isPage
                ? Results.Redirect(hasCookie ? loginPath + "?error=rejected" : loginPath)
                : Results.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Sign in to see the dashboard",
                    detail: hasCookie ? "The stored API key was rejected; paste a valid one on the login page." : "Paste an API key on the dashboard's login page, or send it in the X-Api-Key header.");
        }

        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed to see the dashboard",
            detail: policyName is null
                ? "The signed-in key does not satisfy the host's default authorization policy."
                : $"The signed-in key does not satisfy the authorization policy '{policyName}'.");
    }

    [LoggerMessage(DashboardEventIds.AccessDenied, LogLevel.Debug, "Dashboard request {Path} refused: {Reason} (key cookie present: {HasCookie})")]
    private static partial void LogAccessDenied(ILogger logger, PathString path, string reason, bool hasCookie);
}
