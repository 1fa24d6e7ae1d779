using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using LiveDashboard.Realtime;
using Microsoft.Playwright;
using Skaftin.Realtime.DevServer;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Skaftin.Realtime.UiTests;

/// <summary>
/// samples/LiveDashboard in a real browser: what a user of the page sees while rows change and the server goes away
/// and comes back. Every wait is a Playwright expectation (it retries until true or its timeout), never a sleep.
/// </summary>
public sealed class LiveDashboardBrowserTests(ITestOutputHelper output) : IDisposable
{
    // Generous for a loaded 2-core machine; a passing run waits only as long as the page needs.
    private const float ExpectTimeoutMs = 20_000;

    // The database file, and a failure's screenshot, which is kept for a look.
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("skaftin-ui-");
    private bool _passed;

    /// <summary>Removes the test's folder once the servers are gone, unless the test failed.</summary>
    public void Dispose()
    {
        if (_passed)
        {
            _folder.Delete(recursive: true);
        }
    }

    [Fact]
    public Task ThePageFollowsTheTableThroughAServerRestart() => WithDashboardAsync(null, async (server, project, page) =>
    {
        var vehicles = page.Locator("#vehicles li strong");
        var status = page.Locator("#connection-status");

        // A row written through the server's API appears in the list, the feed and the counts.
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "UI 200", status = "in_service", capacity = 22 });
        await Expect(vehicles).ToHaveTextAsync(new[] { "UI 100", "UI 200" });
        await Expect(page.Locator("#last-update")).ToContainTextAsync("Last update: insert at");
        await Expect(page.Locator("#events li").First).ToHaveTextAsync("inserted UI 200");
        await Expect(page.Locator("#count-vehicles")).ToHaveTextAsync("2");

        // Example 5: a status change shown at once is confirmed by the server's update event.
        await page.Locator("#toggle-1").ClickAsync();
        await Expect(page.Locator("#optimistic-outcome")).ToHaveTextAsync("UI 100: confirmed");
        await Expect(OptimisticBadge(page, 1)).ToHaveTextAsync("InService");
        await Expect(page.Locator("#optimistic .optimistic-badge")).ToHaveCountAsync(0);
        await Expect(page.Locator("#events li").First).ToHaveTextAsync("updated UI 100: Available → InService");

        // The server dies: the page says so, and counts the attempts.
        server.Kill();
        await Expect(status).ToHaveAttributeAsync("data-state", "Reconnecting");
        await Expect(page.Locator("#connection-text")).ToContainTextAsync("Reconnecting… (attempt");
        await Expect(page.Locator("#reconnect")).ToBeEnabledAsync();

        // A write that fails while the server is down is rolled back.
        await page.Locator("#toggle-2").ClickAsync();
        await Expect(page.Locator("#optimistic-outcome")).ToHaveTextAsync("UI 200: update failed, rolled back");
        await Expect(OptimisticBadge(page, 2)).ToHaveTextAsync("InService");

        // Rows change while the page cannot hear about it: another server on the same database file writes them.
        await using (var meanwhile = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { DatabasePath = DatabasePath }))
        {
            await meanwhile.Api.InsertAsync(project, "vehicles", new { registration_number = "UI 300", status = "out_of_service" });
            await meanwhile.Api.DeleteAsync(project, "vehicles", 1);
        }

        await Expect(vehicles).ToHaveTextAsync(new[] { "UI 100", "UI 200" });

        // The server comes back on its port with its file: connected again, and the list converges.
        await server.RestartAsync();
        await Expect(status).ToHaveAttributeAsync("data-state", "Connected");
        await Expect(page.Locator("#reconnect")).ToHaveCountAsync(0);
        await Expect(vehicles).ToHaveTextAsync(new[] { "UI 200", "UI 300" });
        await Expect(page.Locator("#count-vehicles")).ToHaveTextAsync("2");
        await Expect(page.Locator("#events li").First).ToHaveTextAsync("reloaded (ConnectionRestored)");
        await Expect(page.Locator("#optimistic-vehicles li strong")).ToHaveTextAsync(new[] { "UI 200", "UI 300" });

        // And it is live again, not just reloaded.
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "UI 400", status = "available", capacity = 9 });
        await Expect(vehicles).ToHaveTextAsync(new[] { "UI 200", "UI 300", "UI 400" });
        await Expect(page.Locator("#count-vehicles")).ToHaveTextAsync("3");

        await SaveScreenshotAsync(page);
    });

    [Fact]
    public Task TheReconnectButtonBringsThePageBackAfterTheClientGaveUp() => WithDashboardAsync(
        new Dictionary<string, string> { ["Skaftin__Reconnect__MaxAttempts"] = "2" },
        async (server, project, page) =>
        {
            var vehicles = page.Locator("#vehicles li strong");
            var status = page.Locator("#connection-status");
            var reconnect = page.Locator("#reconnect");

            // The server dies and the client gives up after its two attempts: only the button can bring it back.
            server.Kill();
            await Expect(status).ToHaveAttributeAsync("data-state", "Disconnected");
            await Expect(page.Locator("#connection-text")).ToContainTextAsync("Gave up reconnecting");
            await Expect(reconnect).ToBeEnabledAsync();

            // The server is back, and a row is written the page could not hear about.
            await server.RestartAsync();
            await server.Api.InsertAsync(project, "vehicles", new { registration_number = "UI 500", status = "available" });
            await Expect(status).ToHaveAttributeAsync("data-state", "Disconnected");

            await reconnect.ClickAsync();
            await Expect(status).ToHaveAttributeAsync("data-state", "Connected");
            await Expect(vehicles).ToHaveTextAsync(new[] { "UI 100", "UI 500" });

            // Joined again, not merely connected: a new row arrives as an event.
            await server.Api.InsertAsync(project, "vehicles", new { registration_number = "UI 600", status = "in_service" });
            await Expect(vehicles).ToHaveTextAsync(new[] { "UI 100", "UI 500", "UI 600" });
            await Expect(page.Locator("#events li").First).ToHaveTextAsync("inserted UI 600");
        });

    // Issue 20, case 3: the backend comes back with an empty database; the list's reload gets 404.
    [Fact]
    public Task ThePageSaysTheListIsStaleWhenTheBackendLostItsData() => WithDashboardAsync(null, async (server, project, page) =>
    {
        server.Kill();
        foreach (var file in Directory.GetFiles(_folder.FullName, "dashboard.db*"))
        {
            File.Delete(file);
        }

        await server.RestartAsync();

        // The rows are kept, greyed out, with the reason; the feed says it too instead of "No changes yet".
        await Expect(page.Locator("#connection-status")).ToHaveAttributeAsync("data-state", "Connected");
        await Expect(page.Locator("#vehicles-status")).ToContainTextAsync("stale:");
        await Expect(page.Locator("#vehicles-status")).ToContainTextAsync("404");
        await Expect(page.Locator("#vehicles.stale li strong")).ToHaveTextAsync(new[] { "UI 100" });
        await Expect(page.Locator("#last-update")).ToContainTextAsync("stale:");

        // The tables are created again (empty): a retry reloads the list, which is live and true again.
        await DashboardSchema.CreateAsync(server.Api, project);
        await Expect(page.Locator("#vehicles-status")).ToHaveCountAsync(0);
        await Expect(page.Locator("#vehicles li")).ToHaveCountAsync(0);
        await Expect(page.Locator("#last-update")).ToHaveTextAsync("No changes yet.");
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "UI 700", status = "available" });
        await Expect(page.Locator("#vehicles li strong")).ToHaveTextAsync(new[] { "UI 700" });
    });

    private string DatabasePath => Path.Combine(_folder.FullName, "dashboard.db");

    // The status badge of a vehicle in example 5's list.
    private static ILocator OptimisticBadge(IPage page, long id) => page.Locator($"#optimistic-vehicles li[data-id='{id}'] .badge");

    // A dev server the test owns (its rows in a file, so they survive a restart) with one vehicle and one driver, the
    // sample running against it, and the page open in Chromium with its circuit live and the first load shown.
    private async Task WithDashboardAsync(IReadOnlyDictionary<string, string>? settings, Func<SkaftinDevServer, string, IPage, Task> test)
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        var project = "ui" + Guid.NewGuid().ToString("N")[..8];
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { DatabasePath = DatabasePath });
        await DashboardSchema.CreateAsync(server.Api, project);
        var first = await server.Api.InsertAsync(project, "vehicles", new { registration_number = "UI 100", status = "available", capacity = 14 });
        Assert.Equal(1, first.GetProperty("id").GetInt64());
        await server.Api.InsertAsync(project, "drivers", new { name = "Thandi" });

        await using var app = await SampleApp.StartAsync(server, project, settings);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 300 } });
        try
        {
            await page.GotoAsync(app.Url.ToString());
            var status = page.Locator("#connection-status");
            await Expect(status).ToHaveAttributeAsync("data-interactive", "true");
            await Expect(status).ToHaveAttributeAsync("data-state", "Connected");
            await Expect(page.Locator("#vehicles li strong")).ToHaveTextAsync(new[] { "UI 100" });
            await Expect(page.Locator("#count-drivers")).ToHaveTextAsync("1");
            await Expect(page.Locator("#optimistic-vehicles li strong")).ToHaveTextAsync(new[] { "UI 100" });

            await test(server, project, page);
            _passed = true;
        }
        catch
        {
            var screenshot = Path.Combine(_folder.FullName, "failure.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            output.WriteLine("Screenshot of the failure: " + screenshot);
            output.WriteLine("The sample's output:" + Environment.NewLine + app.Log);
            throw;
        }
    }

    // Kept in the test's output folder; SKAFTIN_UPDATE_SCREENSHOTS=1 also refreshes the README's picture, on purpose.
    private async Task SaveScreenshotAsync(IPage page)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "live-dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine("Screenshot: " + path);
        if (Environment.GetEnvironmentVariable("SKAFTIN_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(RepositoryRoot(), "docs", "images", "live-dashboard.png");
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(path, docs, overwrite: true);
            output.WriteLine("Updated " + docs);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Skaftin.Generators.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Skaftin.Generators.sln was not found above " + AppContext.BaseDirectory);
    }
}
