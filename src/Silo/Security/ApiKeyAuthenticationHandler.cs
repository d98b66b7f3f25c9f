using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Silo.Security;

/// <summary>
/// The <c>ApiKey</c> scheme. The key is read from, in this order, <c>X-Api-Key</c>, <c>Authorization: Bearer</c>, or
/// the dashboard's <c>tgeswarm_api_key</c> cookie; the first place that has one decides (a wrong header never falls
/// back to the cookie). The key is hashed and looked up (<see cref="ApiKeyResolver"/>); a revoked or unknown key
/// fails. A cookie-carried key on a request other than GET or HEAD also needs <c>X-Requested-With:
/// tgeswarm-dashboard</c>: the browser attaches cookies to cross-site requests too, but not that header.
/// <para>
/// A challenge (no key, or a failed one, on an endpoint that needs one) is a 401 ProblemDetails naming the header to
/// send; the missing CSRF header is a 403, since a key was sent and only the way it was sent is refused.
/// </para>
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ApiKeyResolver resolver,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (key, fromCookie) = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (fromCookie && !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method)
            && !string.Equals(Request.Headers[ApiKeyDefaults.CsrfHeaderName], ApiKeyDefaults.CsrfHeaderValue, StringComparison.Ordinal))
        {
            return Fail(ApiKeyFailureKind.MissingCsrfHeader,
                $"A request authenticated by the {ApiKeyDefaults.CookieName} cookie that is not GET or HEAD must carry the header " +
                $"'{ApiKeyDefaults.CsrfHeaderName}: {ApiKeyDefaults.CsrfHeaderValue}' (CSRF protection). " +
                $"Scripts and tools should send the key in the {ApiKeyDefaults.HeaderName} header instead.");
        }

        var record = await resolver.FindAsync(key, Context.RequestAborted);
        if (record is null || !Enum.IsDefined(record.Role))
        {
            return Fail(ApiKeyFailureKind.Unknown,
                $"The API key sent is not known to this cluster. Check it for a typo, or ask an admin for a key, and send it in the {ApiKeyDefaults.HeaderName} header.");
        }

        if (record.RevokedAt is { } revokedAt)
        {
            return Fail(ApiKeyFailureKind.Revoked,
                $"The API key '{record.Name}' ({record.Id}) was revoked at {revokedAt.ToString("u", CultureInfo.InvariantCulture)}; ask an admin for a new key.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ApiKeyDefaults.KeyIdClaim, record.Id),
                new Claim(ApiKeyDefaults.KeyNameClaim, record.Name),
                new Claim(ClaimTypes.Name, record.Name),
                new Claim(ClaimTypes.Role, ApiRoles.Name(record.Role)),
            ],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var failure = result.Failure as ApiKeyFailure;
        var csrf = failure?.Kind == ApiKeyFailureKind.MissingCsrfHeader;
        Response.StatusCode = csrf ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        if (!csrf)
        {
            Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        }

        var problem = new ProblemDetails
        {
            Status = Response.StatusCode,
            Title = failure?.Kind switch
            {
                ApiKeyFailureKind.Revoked => "The API key was revoked.",
                ApiKeyFailureKind.Unknown => "The API key is not valid.",
                ApiKeyFailureKind.MissingCsrfHeader => "Cookie authentication needs the CSRF header.",
                _ => "An API key is required.",
            },
            Detail = failure?.Message
                ?? $"This endpoint needs an API key: send it in the {ApiKeyDefaults.HeaderName} header (or as 'Authorization: Bearer <key>').",
        };
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    private AuthenticateResult Fail(ApiKeyFailureKind kind, string message)
    {
        LogFailed(Logger, kind, Request.Method, Request.Path.Value ?? "");
        return AuthenticateResult.Fail(new ApiKeyFailure(kind, message));
    }

    private static (string? Key, bool FromCookie) ReadKey(HttpRequest request)
    {
        if (request.Headers[ApiKeyDefaults.HeaderName] is { Count: > 0 } header)
        {
            return (header.ToString().Trim(), false);
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (authorization[BearerPrefix.Length..].Trim(), false);
        }

        return request.Cookies.TryGetValue(ApiKeyDefaults.CookieName, out var cookie) && !string.IsNullOrEmpty(cookie)
            ? (cookie, true)
            : (null, false);
    }

    [LoggerMessage(EventId = Api.ApiEventIds.AuthenticationFailed, Level = LogLevel.Debug, Message = "API key refused ({Kind}) for {Method} {Path}")]
    private static partial void LogFailed(ILogger logger, ApiKeyFailureKind kind, string method, string path);
}
