using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Dashboard.Metrics;
using TgeSwarm.Runtime.Dashboard.Snapshots;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Runtime.Dashboard.Tests.Hosting;

/// <summary>
/// A real Kestrel host on 127.0.0.1 (OS-assigned port) with the dashboard, the test API-key scheme and a
/// <see cref="CountingSnapshotSource"/> in place of the cluster, on a fake dashboard clock: for the live-update and
/// sign-in tests, which are about HTTP and not about the cluster.
/// </summary>
internal sealed class DashboardTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public CountingSnapshotSource Source => _app.Services.GetRequiredService<CountingSnapshotSource>();

    public FakeTimeProvider Clock => (FakeTimeProvider)_app.Services.GetRequiredService<DashboardClock>().Time;

    public SnapshotProducer Producer => _app.Services.GetRequiredService<SnapshotProducer>();

    public static async Task<DashboardTestHost> StartAsync(Action<DashboardOptions>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<CountingSnapshotSource>();
        builder.Services.AddSingleton<ISnapshotSource>(static sp => sp.GetRequiredService<CountingSnapshotSource>());
        builder.Services.AddSingleton(new DashboardClock(new FakeTimeProvider()));
        builder.Services.AddSwarmDashboard(configure);
        builder.Services.AddAuthentication(TestApiKeyHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestApiKeyHandler>(TestApiKeyHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy("operator", static p => p.RequireRole("operator"));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapSwarmDashboard();
        app.MapSwarmMetrics();
        map?.Invoke(app);
        await app.StartAsync();
        return new DashboardTestHost(app, new Uri(app.Urls.First()));
    }

    /// <summary>A client that neither follows redirects nor keeps cookies, so each test sees exactly what the server said.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
