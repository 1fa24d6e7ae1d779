using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Skaftin.Realtime.UiTests;

/// <summary>
/// Debian's Chromium (installed by eng/install-browser.sh), driven by Playwright's driver from its NuGet package:
/// no browser download, no network but loopback.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"The browser test needs Debian's Chromium at {ExecutablePath}: run eng/install-browser.sh (as root).", ExecutablePath);
        }

        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            },
        });
    }
}
