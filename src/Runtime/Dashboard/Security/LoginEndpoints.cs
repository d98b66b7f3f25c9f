using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Dashboard.Diagnostics;

namespace TgeSwarm.Runtime.Dashboard.Security;

/// <summary>
/// The login form's POST and the logout. The key a person pastes is not checked here: it goes into an HttpOnly,
/// SameSite=Strict cookie that the host's authentication handler reads on every request, so the check is the
/// host's, made where the API's own checks are made. A cross-site form post is refused by its Origin header.
/// </summary>
internal static partial class LoginEndpoints
{
    public const string ApiKeyField = "apiKey";

    public static async Task<IResult> LoginAsync(HttpContext context, IOptions<DashboardOptions> options, ILoggerFactory loggers, string basePath)
    {
        if (!IsSameOrigin(context.Request))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site login refused", detail: "The login form must be posted from the dashboard's own origin.");
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Post the login form", detail: $"Send the key as the form field '{ApiKeyField}'.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = form[ApiKeyField].ToString().Trim();
        if (key.Length == 0)
        {
            return Results.Redirect(basePath + "/login?error=empty", permanent: false, preserveMethod: false);
        }

        var settings = options.Value;
        context.Response.Cookies.Append(settings.ApiKeyCookieName, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = settings.SecureCookie ?? context.Request.IsHttps,
            // The whole site, not just the dashboard: row actions post to the host's API with the same cookie.
            Path = "/",
            // The host's clock (not the dashboard's sampling clock): the browser compares the expiry with real time.
            Expires = (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow() + settings.ApiKeyCookieLifetime,
            IsEssential = true,
        });
        LogLoginCookieSet(loggers.CreateLogger(typeof(LoginEndpoints).FullName!), context.Connection.RemoteIpAddress?.ToString());
        return Results.LocalRedirect(basePath);
    }

    public static IResult Logout(HttpContext context, IOptions<DashboardOptions> options, string basePath)
    {
        if (!IsSameOrigin(context.Request))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site logout refused");
        }

        context.Response.Cookies.Delete(options.Value.ApiKeyCookieName, new CookieOptions { Path = "/" });
        return Results.LocalRedirect(basePath + "/login");
    }

    /// <summary>Browsers send Origin on every POST; a request without one (a script, curl) is not a cross-site form.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || string.Equals(origin, "null", StringComparison.Ordinal))
        {
            return origin.Length == 0;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(DashboardEventIds.LoginCookieSet, LogLevel.Information, "Dashboard login from {Remote}: API key stored in the cookie")]
    private static partial void LogLoginCookieSet(ILogger logger, string? remote);
}
