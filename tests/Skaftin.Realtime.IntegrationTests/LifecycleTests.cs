using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// The app's own call sequences against the real dev server (issue 11's first list). Each test that counts sockets
/// runs its own server, so the count is this test's alone.
/// </summary>
public sealed class LifecycleTests
{
    private static string NewProject() => "p" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A dev server of the test's own, a project with a vehicles table, and a client taking its inserts.</summary>
    private sealed class Scene : IAsyncDisposable
    {
        private Scene(SkaftinDevServer server, string project, bool silentJoins)
        {
            Server = server;
            Project = project;
            Client = Harness.Client(server, configure: Harness.Joins(silentJoins));
            Client.Vehicles().OnInserted(Inserted.Add);
        }

        public SkaftinDevServer Server { get; }

        public string Project { get; }

        public SkaftinRealtimeClient Client { get; }

        public BlockingCollection<Vehicle> Inserted { get; } = new();

        /// <summary>With <paramref name="silentJoins"/>, the server never answers a join and the client completes joins on emit.</summary>
        public static async Task<Scene> StartAsync(DevServerContract contract = DevServerContract.Dev, bool silentJoins = false)
        {
            var server = await SkaftinDevServer.StartAsync(Harness.ServerOptions(contract, silentJoins));
            var project = NewProject();
            await Harness.CreateVehiclesAsync(server, project);
            return new Scene(server, project, silentJoins);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await Server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConnectingAgainWhileConnectedAndJoinedKeepsReceiving()
    {
        await using var scene = await Scene.StartAsync();
        var (server, project, client, inserted) = (scene.Server, scene.Project, scene.Client, scene.Inserted);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);
        var socketId = client.SocketId!;

        await client.StartAsync();

        Assert.Equal(socketId, client.SocketId);
        Assert.Equal(new[] { socketId }, await server.Api.GetRoomMembersAsync(project));
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "still here", status = "available" });
        Assert.Equal("still here", (await inserted.Next()).RegistrationNumber);
    }

    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    [InlineData(DevServerContract.Seed, true)]
    public async Task ConnectingAfterAServerSideDisconnectRejoinsHeldRoomsAndSignalsResync(DevServerContract contract, bool silentJoins = false)
    {
        await using var scene = await Scene.StartAsync(contract, silentJoins);
        var (server, project, client, inserted) = (scene.Server, scene.Project, scene.Client, scene.Inserted);
        var resyncs = new BlockingCollection<ResyncRequired>();
        using var b = client.Vehicles().OnResync(resyncs.Add);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);
        await server.Api.DisconnectAllAsync();
        await Harness.Until(() => client.State == ConnectionState.Disconnected, "the server closed the connection");

        await client.StartAsync();

        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync(project)).Contains(client.SocketId!), "the held room is joined again");
        Assert.Equal(ResyncReason.ConnectionRestored, (await resyncs.Next()).Reason);
        await using var second = await client.JoinProjectAsync(project);
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "after", status = "available" });
        Assert.Equal("after", (await inserted.Next()).RegistrationNumber);
    }

    [Fact]
    public async Task ConnectingAfterReconnectingGaveUpRejoinsHeldRooms()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        var project = NewProject();
        await using var client = Harness.Client(server, configure: o =>
        {
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxAttempts = 2;
            o.ConnectTimeout = TimeSpan.FromSeconds(1);
        });
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);
        server.Kill();
        await Harness.Until(() => client.State == ConnectionState.Disconnected, "reconnecting gives up");
        await server.RestartAsync();

        await client.StartAsync();

        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync(project)).Contains(client.SocketId!), "the held room is joined again");
    }

    [Fact]
    public async Task ConcurrentConnectsMakeOneSocketAndNoneOutlivesTheClient()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        var client = Harness.Client(server);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => client.StartAsync())));

        Assert.Equal(new[] { client.SocketId! }, await server.Api.GetSocketsAsync());
        Assert.Equal(ConnectionState.Connected, client.State);
        await client.DisposeAsync();
        await Harness.UntilAsync(async () => (await server.Api.GetSocketsAsync()).Count == 0, "no socket outlives the client");
    }

    [Fact]
    public async Task ConnectsCancelledAtAnyMomentLeaveNothingOpen()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        for (var delayMs = 0; delayMs < 60; delayMs += 3)
        {
            var client = Harness.Client(server);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(delayMs));
            try
            {
                await client.StartAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Cancelled before the server accepted: the point of this test.
            }

            await client.DisposeAsync();
        }

        await Harness.UntilAsync(async () => (await server.Api.GetSocketsAsync()).Count == 0, "no half-made connection stays open");
        await Task.Delay(500);
        Assert.Empty(await server.Api.GetSocketsAsync());
    }

    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    public async Task AJoinBeforeConnectingIsSentOnConnect(DevServerContract contract)
    {
        await using var scene = await Scene.StartAsync(contract);
        var (server, project, client, inserted) = (scene.Server, scene.Project, scene.Client, scene.Inserted);

        await using var membership = await client.JoinProjectAsync(project);
        await client.StartAsync();

        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync(project)).Contains(client.SocketId!), "the room is joined on connect");
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "joined early", status = "available" });
        Assert.Equal("joined early", (await inserted.Next()).RegistrationNumber);
    }

    [Fact]
    public async Task TheHeartbeatFollowsTheServersAnnouncedPingSettings()
    {
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
        {
            PingInterval = TimeSpan.FromMilliseconds(1500),
            PingTimeout = TimeSpan.FromMilliseconds(1000),
        });
        var states = new ConcurrentQueue<ConnectionStateChange>();

        // The client's own setting is shorter than the server's ping interval: used, it would drop a healthy idle
        // connection at every ping; the server's announced 1.5 s + 1 s is what counts.
        await using var client = Harness.Client(server, configure: o => o.HeartbeatTimeout = TimeSpan.FromMilliseconds(700));
        client.StateChanged += states.Enqueue;
        await client.StartAsync();
        var socketId = client.SocketId!;

        Assert.Equal(TimeSpan.FromMilliseconds(2500), client.HeartbeatTimeout);
        await Task.Delay(TimeSpan.FromSeconds(4)); // idle across two of the server's pings
        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(socketId, client.SocketId);
        Assert.DoesNotContain(states, static s => s.Current == ConnectionState.Reconnecting);
    }
}
