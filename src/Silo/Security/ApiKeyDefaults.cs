namespace TgeSwarm.Silo.Security;

/// <summary>Where a request carries its API key, and the names that go with it.</summary>
internal static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    /// <summary>Set by the dashboard's login, so the browser sends the key without script access to it.</summary>
    public const string CookieName = "tgeswarm_api_key";

    /// <summary>
    /// A cookie rides along on any request the browser makes, including one a foreign page triggers; a custom header
    /// cannot be added cross-site without a CORS preflight the silo never grants. So a cookie-authenticated request
    /// that changes something must carry this header with <see cref="CsrfHeaderValue"/>.
    /// </summary>
    public const string CsrfHeaderName = "X-Requested-With";

    public const string CsrfHeaderValue = "tgeswarm-dashboard";

    public const string KeyIdClaim = "tgeswarm:key_id";

    public const string KeyNameClaim = "tgeswarm:key_name";
}
