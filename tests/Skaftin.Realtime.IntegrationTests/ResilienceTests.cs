using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>A server that dies, restarts or freezes: each test owns its server.</summary>
public sealed class ResilienceTests
{
    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    [InlineData(DevServerContract.Seed, true)] // a server that never answers a join; joins complete on emit
    public async Task KilledAndRestartedServerIsRejoinedAndLaterWritesArrive(DevServerContract contract, bool silentJoins = false)
    {
        await using var server = await SkaftinDevServer.StartAsync(Harness.ServerOptions(contract, silentJoins));
        var tokensAsked = 0;
        await using var client = Harness.Client(server, configure: o =>
        {
            Harness.Joins(silentJoins)?.Invoke(o);
            o.AccessTokenProvider = _ =>
            {
                tokensAsked++;
                return ValueTask.FromResult(server.DefaultApiKey);
            };
        });
        await Harness.CreateVehiclesAsync(server, "p1");
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        var inserted = new BlockingCollection<Vehicle>();
        using var a = client.Vehicles().OnInserted(inserted.Add);

        server.Kill();
        await Harness.Until(() => client.State == ConnectionState.Reconnecting, "the client notices the lost server");
        await server.RestartAsync();
        await Harness.Until(() => client.State == ConnectionState.Connected, "the client reconnects");
        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync("p1")).Contains(client.SocketId!), "the client joins p1 again");

        await Harness.CreateVehiclesAsync(server, "p1");
        await server.Api.InsertAsync("p1", "vehicles", new { registration_number = "after restart", status = "available" });
        Assert.Equal("after restart", (await inserted.Next()).RegistrationNumber);
        Assert.True(tokensAsked >= 2, "the token provider is asked again on reconnect");
    }

    [Fact]
    public async Task FrozenServerIsNoticedByTheHeartbeatWatchdog()
    {
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
        {
            PingInterval = TimeSpan.FromMilliseconds(1000),
            PingTimeout = TimeSpan.FromMilliseconds(1000),
        });
        await using var client = Harness.Client(server, configure: o => o.HeartbeatTimeout = TimeSpan.FromSeconds(2.5));
        await client.StartAsync();
        var socketId = client.SocketId;

        // Pings keep a healthy connection alive past the watchdog's limit.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(socketId, client.SocketId);

        server.Freeze();
        try
        {
            await Harness.Until(() => client.State != ConnectionState.Connected, "the watchdog notices the frozen server", TimeSpan.FromSeconds(6));
        }
        finally
        {
            server.Resume();
        }

        await Harness.Until(() => client.State == ConnectionState.Connected, "the client reconnects after the server thaws");
    }
}
