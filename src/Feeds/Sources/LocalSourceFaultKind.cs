namespace TgeSwarm.Feeds.Sources;

/// <summary>The faults <see cref="LocalSourceServer"/> can inject into a source's answers.</summary>
public enum LocalSourceFaultKind
{
    /// <summary>500 Internal Server Error with a short text body.</summary>
    ServerError,

    /// <summary>The normal answer, after <see cref="LocalSourceFault.Delay"/> on the server's clock.</summary>
    Slow,

    /// <summary>200 with the body cut short and garbage appended: broken XML/JSON, a truncated page.</summary>
    MalformedBody,

    /// <summary>429 Too Many Requests with <c>Retry-After</c> of <see cref="LocalSourceFault.RetryAfter"/> (whole seconds).</summary>
    RateLimited,

    /// <summary>302 to <c>/loop/{id}</c>, which redirects back to the source's path: a client following redirects never gets a body.</summary>
    RedirectLoop,
}
