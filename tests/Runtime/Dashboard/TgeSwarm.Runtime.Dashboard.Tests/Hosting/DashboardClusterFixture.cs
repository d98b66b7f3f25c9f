using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TgeSwarm.Runtime.Dashboard.Metrics;
using TgeSwarm.Runtime.Dashboard.Panels;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;
using TgeSwarm.TestGrains;

namespace TgeSwarm.Runtime.Dashboard.Tests.Hosting;

/// <summary>
/// A two-silo <see cref="TestCluster"/> whose silos are web hosts too, each serving the dashboard on its own
/// loopback port, as the silo host does: the real sampler over the real management API. A host panel lists
/// "widgets" with a Poke action that posts to a test API endpoint (operator role, the dashboard's request header
/// required for cookie callers, as the silo's API does); another panel always throws.
/// </summary>
public sealed class DashboardClusterFixture : IAsyncLifetime
{
    public const string Collection = "DashboardCluster";

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>Where the primary silo serves HTTP.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureSilo(static silo =>
        {
            silo.AddMemoryGrainStorage("store");
            silo.AddGrainAssembly(typeof(CounterGrain).Assembly);
        });
        builder.ConfigureHost(static host => host.ConfigureWebHost(static web => web
            .UseKestrel()
            .UseUrls("http://127.0.0.1:0")
            .ConfigureServices(static services =>
            {
                services.AddRouting();
                services.AddSwarmDashboard(static o =>
                {
                    o.Panels.Add(new DashboardPanel("widgets", "Widgets", 10, LoadWidgetsAsync));
                    o.Panels.Add(new DashboardPanel("broken", "Broken", 20, static (_, _) => throw new InvalidOperationException("broken on purpose")));
                });
                services.AddAuthentication(TestApiKeyHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestApiKeyHandler>(TestApiKeyHandler.SchemeName, null);
                services.AddAuthorizationBuilder().AddPolicy("operator", static p => p.RequireRole("operator"));
            })
            .Configure(static app =>
            {
                app.UseRouting();
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseEndpoints(static endpoints =>
                {
                    endpoints.MapSwarmDashboard();
                    endpoints.MapSwarmMetrics();
                    endpoints.MapPost("/api/test/widgets/{key}/poke", PokeAsync).RequireAuthorization("operator");
                });
            })));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        var addresses = Cluster.Primary.ServiceProvider.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First());
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private static ValueTask<DashboardPanelData> LoadWidgetsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new DashboardPanelData(
            new DashboardTable(
                ["Widget", "State"],
                [new DashboardRow(["w1", "idle"], [new DashboardRowAction("Poke", "/api/test/widgets/w1/poke", "operator")])]),
            [new DashboardSeries("widgets per second", [1, 3, 2, 5], "/s")],
            "Widgets are test rows."));

    private static async Task<IResult> PokeAsync(string key, HttpContext context, IClusterClient client)
    {
        if (context.Request.Cookies.ContainsKey(DashboardOptions.DefaultApiKeyCookieName)
            && !string.Equals(context.Request.Headers["X-Requested-With"], "tgeswarm-dashboard", StringComparison.Ordinal))
        {
            return Results.Problem(statusCode: (int)HttpStatusCode.Forbidden, title: "Missing X-Requested-With");
        }

        var count = await client.GetGrain<ICounterGrain>("poke-" + key).IncrementAsync();
        return Results.Ok(new { message = $"poked {key} (count {count})" });
    }
}
