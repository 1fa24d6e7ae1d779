using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Skaftin.Realtime.DevServer;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Skaftin.Realtime.UiTests;

/// <summary>
/// samples/BrowserWasm in Chromium: the client itself runs inside the browser (.NET on WebAssembly, one thread), talks
/// Socket.IO to the dev server over the browser's WebSocket, and hands the page typed rows.
/// </summary>
public sealed class BrowserWasmTests(ITestOutputHelper output)
{
    // Generous for a loaded 2-core machine (the runtime downloads and starts first); a passing run waits only as long as it needs.
    private const float ExpectTimeoutMs = 30_000;

    [Fact]
    public async Task ARowWrittenThroughTheServerArrivesTypedInsideTheBrowser()
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        var project = "wasm" + Guid.NewGuid().ToString("N")[..8];
        await using var server = await SkaftinDevServer.StartAsync();
        await server.Api.CreateTableAsync(project, "vehicles", new[]
        {
            new DevColumn("id", "integer", PrimaryKey: true, Nullable: false),
            new DevColumn("registration_number", "text", Nullable: false),
            new DevColumn("capacity", "integer"),
        });
        await using var host = await WasmHost.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        try
        {
            await page.GotoAsync($"{host.Url}?api={Uri.EscapeDataString(server.Url.ToString())}&key={server.DefaultApiKey}&project={project}");

            // .NET runs in the page itself, connected and in the project's room.
            await Expect(page.Locator("#runtime")).ToHaveTextAsync("Browser");
            await Expect(page.Locator("#project")).ToHaveTextAsync("Following project " + project);
            await Expect(page.Locator("#state")).ToHaveAttributeAsync("data-state", "Connected");

            var row = await server.Api.InsertAsync(project, "vehicles", new { registration_number = "WASM 1", capacity = 4 });
            await server.Api.UpdateAsync(project, "vehicles", row.GetProperty("id").GetInt64(), new { capacity = 6 });

            // Typed: the update shows the old row's capacity next to the new one.
            await Expect(page.Locator("#vehicles li")).ToHaveTextAsync(new[] { "inserted WASM 1", "updated WASM 1: 4 → 6" });
            await Expect(page.Locator("#error")).ToHaveCountAsync(0);
        }
        catch
        {
            output.WriteLine("The page's console:" + Environment.NewLine + string.Join(Environment.NewLine, console));
            throw;
        }
    }
}
