using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Dashboard.Tests.Hosting;

/// <summary>
/// Stands in for the silo's API-key handler: the key comes from <c>X-Api-Key</c> or the dashboard's cookie, and two
/// fixed keys carry the viewer and operator roles. An unknown key fails authentication.
/// </summary>
internal sealed class TestApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ViewerKey = "viewer-key-0123456789";
    public const string OperatorKey = "operator-key-0123456789";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers["X-Api-Key"].ToString();
        if (key.Length == 0)
        {
            key = Request.Cookies[DashboardOptions.DefaultApiKeyCookieName] ?? string.Empty;
        }

        if (key.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var role = key switch
        {
            ViewerKey => "viewer",
            OperatorKey => "operator",
            _ => null,
        };
        if (role is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role + "-user"), new Claim(ClaimTypes.Role, role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
