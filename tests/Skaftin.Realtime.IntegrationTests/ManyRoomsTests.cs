using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// One connection in 1,000 projects against the real server: every room is joined, every one is joined again on the
/// new connection after the server drops the old one (and the client says Connected only then), the app hears of the
/// lost events once per table (not once per room), and leaving them all empties the socket's rooms.
/// </summary>
public sealed class ManyRoomsTests
{
    private const int Rooms = 1_000;

    [Fact]
    public async Task AThousandRoomsAreAllJoinedAgainAfterTheServerDropsTheConnection()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Add("x-api-key", server.DefaultApiKey);
        await using var client = Harness.Client(server, configure: o =>
        {
            o.Transport = SkaftinTransport.WebSocket;
            o.JoinConfirmation = JoinConfirmation.ServerAnswer; // a join completes when the server has it
        });
        var resyncs = 0;
        using var resync = client.Vehicles().OnResync(_ => Interlocked.Increment(ref resyncs));
        await client.StartAsync();
        var projects = Enumerable.Range(0, Rooms).Select(i => $"many-{i:0000}").ToArray();

        var memberships = await Task.WhenAll(projects.Select(p => client.JoinProjectAsync(p)));
        Assert.Equal(projects, await RoomsOfAsync(http, client.SocketId!));

        var first = client.SocketId;
        Assert.Equal(1, await server.Api.DropTransportsAsync());
        await Harness.Until(() => client.State == ConnectionState.Connected && client.SocketId != first, "the client connected again");

        // Connected again means every held room was joined on the new socket: the server lists them all at once.
        Assert.Equal(projects, await RoomsOfAsync(http, client.SocketId!));
        await Harness.Until(() => Volatile.Read(ref resyncs) >= 1, "the app heard that events may have been missed");
        Assert.Equal(1, Volatile.Read(ref resyncs));

        await Task.WhenAll(memberships.Select(m => m.LeaveAsync().AsTask()));
        await Harness.UntilAsync(async () => (await RoomsOfAsync(http, client.SocketId!)).Length == 0, "every room was left");
    }

    private static async Task<string[]> RoomsOfAsync(HttpClient http, string socketId)
    {
        var detail = await http.GetFromJsonAsync<JsonElement>($"/api/_test/sockets/{Uri.EscapeDataString(socketId)}");
        return detail.GetProperty("rooms").EnumerateArray()
            .Select(r => r.GetString()!)
            .Select(r => r.StartsWith("project:", StringComparison.Ordinal) ? r["project:".Length..] : r)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
