using Microsoft.Playwright;

namespace TgeSwarm.Runtime.Dashboard.Tests.Browser;

/// <summary>
/// Debian's chromium driven by Playwright (shared/STACK.md): headless, a fresh profile per test, never a
/// downloaded browser. Without /usr/bin/chromium the test fails and says how to install it.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static async Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string profileDirectory, Uri baseAddress)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the dashboard's browser test drives Debian's chromium. Install it with " +
                "'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium' (scripts/test.sh does); " +
                "never 'playwright install'.");
        }

        return await playwright.Chromium.LaunchPersistentContextAsync(profileDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
    }

    /// <summary>The repository's <c>artifacts/screenshots</c> when the tests run from a checkout's own output, else beside the test assembly.</summary>
    public static string ScreenshotDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TgeSwarm.sln")))
            {
                return System.IO.Directory.CreateDirectory(Path.Combine(directory.FullName, "artifacts", "screenshots")).FullName;
            }
        }

        return System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots")).FullName;
    }
}
