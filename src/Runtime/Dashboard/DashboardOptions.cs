using TgeSwarm.Runtime.Dashboard.Panels;

namespace TgeSwarm.Runtime.Dashboard;

/// <summary>Settings of the dashboard, validated at start-up (<see cref="DashboardOptionsValidator"/>).</summary>
public sealed class DashboardOptions
{
    public const string DefaultApiKeyCookieName = "tgeswarm_api_key";

    /// <summary>
    /// The authorization policy a user must satisfy to see the dashboard; null (the default) means the host's default
    /// policy (an authenticated user).
    /// </summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>Serve the dashboard to anyone. Off by default; set it only on a host nobody else can reach.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// The cookie the login page stores a pasted API key in (HttpOnly, SameSite=Strict); the host's authentication
    /// handler must read the key from it. Default <c>tgeswarm_api_key</c>.
    /// </summary>
    public string ApiKeyCookieName { get; set; } = DefaultApiKeyCookieName;

    /// <summary>How long the login cookie lasts (default 12 hours); a person pastes the key again after that.</summary>
    public TimeSpan ApiKeyCookieLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Whether the login cookie is sent over HTTPS only. Default: only when the login request came over HTTPS.</summary>
    public bool? SecureCookie { get; set; }

    /// <summary>How often the silo samples the cluster while at least one dashboard is open (default 1 s).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a live connection may stay silent before a comment line is sent (default 15 s), so proxies such as
    /// HAProxy (whose default client timeout is often 30 s) do not close it.
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The roles row actions may require (<see cref="Panels.DashboardRowAction.RequiredRole"/>); the page marks the
    /// actions whose role the user does not hold. A name that is an authorization policy is held when the policy
    /// passes (so a role hierarchy counts), any other name is a role claim. Marking only: the action's endpoint
    /// decides. Default viewer, operator, admin.
    /// </summary>
    public IList<string> ActionRoles { get; } = ["viewer", "operator", "admin"];

    /// <summary>Shown in the page title and header.</summary>
    public string Title { get; set; } = "TgeSwarm";

    /// <summary>
    /// Persistent (PostgreSQL) stream providers whose subscription lag the dashboard shows. Memory streams keep no
    /// positions and have no lag; leave them out.
    /// </summary>
    public IList<string> StreamLagProviders { get; } = [];

    /// <summary>Views a host adds (agents, pipelines, events), rendered by the page without host JavaScript.</summary>
    public IList<DashboardPanel> Panels { get; } = [];
}
