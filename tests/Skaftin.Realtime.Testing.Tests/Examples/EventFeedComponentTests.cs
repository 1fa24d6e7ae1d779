using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Bunit;
using LiveDashboard.Components;
using LiveDashboard.Models;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Skaftin.Realtime.Testing.Tests.Examples;

/// <summary>
/// The bUnit example: the dashboard sample's event feed, unchanged, rendered with the fake server's typed table in
/// place of the app's, and driven by typed pushes.
/// </summary>
public sealed class EventFeedComponentTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly FakeSkaftinServer _server = new();

    [Fact]
    public async Task Shows_each_typed_change_newest_first_with_the_last_update()
    {
        var feed = await RenderFeedAsync();
        var bus = new Vehicle(1, "BUS-1", VehicleStatus.Available, 40);

        await _server.Vehicles().InsertAsync(bus);
        await _server.Vehicles().UpdateAsync(bus with { Status = VehicleStatus.InService }, bus);
        await _server.Vehicles().DeleteKeyAsync(1);

        feed.WaitForAssertion(() =>
        {
            Assert.Equal(
                ["deleted #1", "updated BUS-1: Available → InService", "inserted BUS-1"],
                feed.FindAll("#events li").Select(static li => li.TextContent));
            Assert.StartsWith("Last update: delete at", feed.Find("#last-update").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Shows_a_dash_for_the_time_when_the_server_sent_none()
    {
        var feed = await RenderFeedAsync();

        await _server.PushDatabaseChangeAsync("""{"type":"insert","projectId":"dashboard","tableName":"vehicles","data":{"id":1,"registration_number":"BUS-1","status":"available","capacity":40}}""");

        feed.WaitForAssertion(() => Assert.Equal("Last update: insert at —", feed.Find("#last-update").TextContent));
    }

    [Fact]
    public async Task Says_the_list_was_reloaded_after_a_reconnect()
    {
        var feed = await RenderFeedAsync();

        await _server.DropConnectionAsync();
        await _server.RestoreConnectionAsync();

        feed.WaitForAssertion(() => Assert.Equal("reloaded (ConnectionRestored)", feed.Find("#events li").TextContent));
    }

    [Fact]
    public async Task Says_the_list_is_stale_when_the_tables_reload_failed_and_live_again_when_one_works()
    {
        // The page hands the feed the app's live table; its loader here fails once after the first load, as the
        // REST API does after the backend lost its data (404).
        var loads = 0;
        await using var table = await LiveTable<Vehicle, long>.StartAsync(
            _server.Vehicles(),
            _ => ++loads == 2
                ? throw new HttpRequestException("Response status code does not indicate success: 404 (Not Found).")
                : Task.FromResult<IReadOnlyList<Vehicle>>([]),
            new LiveTableOptions { ProjectId = "dashboard", RetryDelay = TimeSpan.FromMilliseconds(50) });
        var feed = await RenderFeedAsync(table);

        await Assert.ThrowsAsync<HttpRequestException>(() => table.ReloadAsync());

        feed.WaitForAssertion(() => Assert.Equal(
            "stale: Response status code does not indicate success: 404 (Not Found).",
            feed.Find("#last-update").TextContent));
        feed.WaitForAssertion(() => Assert.Equal("No changes yet.", feed.Find("#last-update").TextContent), TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<IRenderedComponent<EventFeed>> RenderFeedAsync(LiveTable<Vehicle, long>? table = null)
    {
        // What the app's AddSkaftinRealtime(...).AddTable(client => client.Vehicles()) registers, from the fake server.
        _context.Services.AddSingleton(_server.Vehicles());
        var feed = _context.Render<EventFeed>(parameters => parameters.Add(static f => f.Table, table));
        await _server.Client.StartAsync();
        await _server.Client.JoinProjectAsync("dashboard");
        return feed;
    }
}
