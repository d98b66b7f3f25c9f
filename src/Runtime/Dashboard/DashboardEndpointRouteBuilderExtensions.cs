using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Dashboard.Assets;
using TgeSwarm.Runtime.Dashboard.Live;
using TgeSwarm.Runtime.Dashboard.Security;
using TgeSwarm.Runtime.Dashboard.Snapshots;

namespace TgeSwarm.Runtime.Dashboard;

/// <summary>Maps the dashboard's routes under a prefix.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    private static readonly TimeSpan SnapshotWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Maps the dashboard under <paramref name="prefix"/> (default <c>/dashboard</c>): the page, its live updates
    /// (<c>/events</c>), a sample taken after the request arrived as JSON (<c>/snapshot</c>), the page's files (<c>/assets/…</c>) and the
    /// login and logout. The page and its data are authorized as <see cref="DashboardOptions"/> says; the login page
    /// and the files are anonymous. Conventions added to the returned builder apply to every route.
    /// </summary>
    public static IEndpointConventionBuilder MapSwarmDashboard(this IEndpointRouteBuilder endpoints, string prefix = "/dashboard")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!prefix.StartsWith('/') || prefix.Length < 2 || prefix.EndsWith('/'))
        {
            throw new ArgumentException($"The dashboard prefix is a path like '/dashboard': a leading '/', no trailing one (was '{prefix}').", nameof(prefix));
        }

        var loginPath = prefix + "/login";
        var group = endpoints.MapGroup(prefix).ExcludeFromDescription();
        var pages = new Lazy<(EmbeddedAsset Index, EmbeddedAsset Login)>(() =>
        {
            var services = endpoints.ServiceProvider;
            var assets = services.GetRequiredService<EmbeddedAssets>();
            var title = services.GetRequiredService<IOptions<DashboardOptions>>().Value.Title;
            return (assets.Page("index.html", prefix, title), assets.Page("login.html", prefix, title));
        });

        group.MapGet(string.Empty, (HttpContext context) => AssetResults.Serve(context, pages.Value.Index, "private, no-cache"))
            .AddEndpointFilter(new DashboardAccessFilter(isPage: true, loginPath));

        group.MapGet("/events", SnapshotStreamEndpoint.StreamAsync)
            .AddEndpointFilter(new DashboardAccessFilter(isPage: false, loginPath));

        group.MapGet("/snapshot", async (SnapshotProducer producer, HttpContext context) =>
        {
            // Read before subscribing: the first subscriber's sample starts at once and must count as fresh.
            var samplesTaken = producer.SamplesTaken;
            using var subscription = producer.Subscribe();
            var snapshot = await producer.FreshAsync(samplesTaken, context.RequestAborted).WaitAsync(SnapshotWait, context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(snapshot.Json, "application/json; charset=utf-8");
        }).AddEndpointFilter(new DashboardAccessFilter(isPage: false, loginPath));

        group.MapGet("/assets/{name}", (string name, EmbeddedAssets assets, HttpContext context) =>
            assets.Find(name) is { } asset && !name.EndsWith(".html", StringComparison.Ordinal)
                ? AssetResults.Serve(context, asset, "public, max-age=31536000, immutable")
                : Results.NotFound())
            .AllowAnonymous();

        group.MapGet("/login", (HttpContext context) => AssetResults.Serve(context, pages.Value.Login, "no-cache"))
            .AllowAnonymous();

        group.MapPost("/login", (HttpContext context, IOptions<DashboardOptions> options, ILoggerFactory loggers) =>
                LoginEndpoints.LoginAsync(context, options, loggers, prefix))
            .AllowAnonymous()
            .DisableAntiforgery();

        group.MapPost("/logout", (HttpContext context, IOptions<DashboardOptions> options) => LoginEndpoints.Logout(context, options, prefix))
            .AllowAnonymous()
            .DisableAntiforgery();

        return group;
    }
}
