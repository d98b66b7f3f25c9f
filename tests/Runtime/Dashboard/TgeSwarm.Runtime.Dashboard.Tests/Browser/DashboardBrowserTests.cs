using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TgeSwarm.Runtime.Dashboard.Tests.Hosting;
using TgeSwarm.TestGrains;

namespace TgeSwarm.Runtime.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard in a real browser against a real two-silo cluster: sign in with a key, see the silos and grain
/// types, watch a grain type appear after grain calls, and run a panel's row action. Screenshots of each step go
/// to artifacts/screenshots.
/// </summary>
[Collection(DashboardClusterFixture.Collection)]
public sealed class DashboardBrowserTests(DashboardClusterFixture fixture) : IAsyncLifetime
{
    private const float Timeout = 30_000;

    private readonly DirectoryInfo _profile = System.IO.Directory.CreateTempSubdirectory("tgeswarm-chromium-");
    private IPlaywright _playwright = null!;
    private IBrowserContext _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright, _profile.FullName, fixture.Address);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _profile.Delete(recursive: true);
    }

    [Fact]
    public async Task An_operator_signs_in_sees_the_cluster_live_and_runs_a_row_action()
    {
        var page = _browser.Pages.Count > 0 ? _browser.Pages[0] : await _browser.NewPageAsync();
        var screenshots = Chromium.ScreenshotDirectory();

        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard/login$"), new() { Timeout = Timeout });
        await page.FillAsync("#apiKey", TestApiKeyHandler.OperatorKey);
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-1-login.png") });
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dashboard$"), new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#silos tbody tr")).ToHaveCountAsync(2, new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#silos")).ToContainTextAsync("Primary (this silo)", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#silos")).ToContainTextAsync("Secondary_1", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("#user")).ToContainTextAsync("operator", new() { Timeout = Timeout });
        var versionBefore = long.Parse(await page.Locator("#version").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#grain-types")).Not.ToContainTextAsync("randomplaced", new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-2-cluster.png"), FullPage = true });

        // Live: a grain type nobody has called yet shows up, with its activation count, without reloading the page.
        for (var i = 0; i < 4; i++)
        {
            await fixture.Cluster.Client.GetGrain<IRandomPlacedGrain>($"browser-{i}").GetIdentityAsync();
        }

        var row = page.Locator("#grain-types tbody tr", new() { HasText = "randomplaced" });
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("4", new() { Timeout = Timeout });
        var versionAfter = long.Parse(await page.Locator("#version").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(versionAfter > versionBefore, $"the sample version should have moved on from {versionBefore}, is {versionAfter}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-3-live.png"), FullPage = true });

        // A host panel's row action posts with the cookie and the dashboard's header, and the page shows the answer.
        var panel = page.Locator("#panel-widgets");
        await Assertions.Expect(panel).ToContainTextAsync("Widgets are test rows.", new() { Timeout = Timeout });
        await Assertions.Expect(panel.Locator(".chart")).ToContainTextAsync("widgets per second", new() { Timeout = Timeout });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Poke" }).ClickAsync();
        await Assertions.Expect(page.Locator("#toast")).ToContainTextAsync("poked w1 (count 1)", new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "dashboard-4-action.png"), FullPage = true });
        Assert.Equal(1, await fixture.Cluster.Client.GetGrain<ICounterGrain>("poke-w1").GetAsync());
    }
}
