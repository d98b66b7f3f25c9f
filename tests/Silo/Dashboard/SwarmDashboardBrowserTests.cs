using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TgeSwarm.Grains.Interfaces.Coordination;
using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Tests.Dashboard;

/// <summary>
/// The silo's dashboard in Debian's chromium: sign in with the admin key, see the silo and the queen's agents, and
/// stop and restart an agent with its buttons; the queen's registry follows. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class SwarmDashboardBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const float Timeout = 30_000;
    private const string Agent = "news-rss";

    private readonly BrowserSiloFactory _silo = new();
    private readonly DirectoryInfo _profile = Directory.CreateTempSubdirectory("tgeswarm-silo-chromium-");
    private IPlaywright _playwright = null!;
    private IBrowserContext _browser = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (scripts/test.sh does); never 'playwright install'.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            BaseURL = _silo.Address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _silo.DisposeAsync();
        _profile.Delete(recursive: true);
    }

    [Fact]
    public async Task An_operator_signs_in_sees_the_agents_and_stops_and_restarts_one_from_the_page()
    {
        var page = _browser.Pages.Count > 0 ? _browser.Pages[0] : await _browser.NewPageAsync();
        var shots = Screenshots();
        var queen = _silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IQueenGrain>(IQueenGrain.SingletonKey);

        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard/login$"), new() { Timeout = Timeout });
        await page.FillAsync("#apiKey", BrowserSiloFactory.AdminKey);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#silos")).ToContainTextAsync("browser-silo", new() { Timeout = Timeout });

        var agents = page.Locator("#panel-agents");
        var row = agents.Locator("tbody tr", new() { HasText = Agent });
        await Assertions.Expect(row).ToContainTextAsync("Running", new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "silo-dashboard-1-agents.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("Stop: done (200)", new() { Timeout = Timeout });
        await Assertions.Expect(row).ToContainTextAsync("Stopped", new() { Timeout = Timeout });
        Assert.Equal(AgentState.Stopped, (await queen.GetAgentAsync(AgentTypes.Source, Agent, CancellationToken.None)).DesiredState);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "silo-dashboard-2-stopped.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = "Restart" }).ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("Restart: done (200)", new() { Timeout = Timeout });
        Assert.Equal(AgentState.Running, (await queen.GetAgentAsync(AgentTypes.Source, Agent, CancellationToken.None)).DesiredState);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "silo-dashboard-3-restarted.png"), FullPage = true });
    }

    private static string Screenshots()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TgeSwarm.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(directory.FullName, "artifacts", "screenshots")).FullName;
            }
        }

        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots")).FullName;
    }
}
