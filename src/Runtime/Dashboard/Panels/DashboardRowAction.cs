namespace TgeSwarm.Runtime.Dashboard.Panels;

/// <summary>
/// A button on a row: the page POSTs to <see cref="Url"/> (same origin, with the login cookie and the header
/// <c>X-Requested-With: tgeswarm-dashboard</c>) and shows the answer, or the ProblemDetails message of a failure.
/// The button is disabled for a user not in <see cref="RequiredRole"/>; the endpoint still decides.
/// </summary>
public sealed record DashboardRowAction(string Label, string Url, string? RequiredRole = null);
