using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Skaftin.Realtime.Runtime.Tests;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>The bindable connection status and the Reconnect button against a dev server of the test's own, killed and restarted.</summary>
public sealed class ConnectionStatusTests
{
    [Fact]
    public async Task EachSubscriberSeesTheServerGoAndTheReconnectButtonBringsItBackWithoutWaitingForTheBackoff()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        var project = "st" + Guid.NewGuid().ToString("N")[..8];
        await Harness.CreateVehiclesAsync(server, project);

        // The backoff is far longer than the test: only the button can bring the client back in time.
        await using var client = Harness.Client(server, configure: static o =>
        {
            o.ConnectTimeout = TimeSpan.FromSeconds(2);
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromHours(1);
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxDelay = TimeSpan.FromHours(1);
        });
        using var ui1 = new SingleThreadContext();
        using var ui2 = new SingleThreadContext();
        using var first = client.CreateConnectionStatus(ui1);
        using var second = client.CreateConnectionStatus(ui2);
        var wrongThread = new ConcurrentQueue<string>();
        first.PropertyChanged += (_, e) => { if (Environment.CurrentManagedThreadId != ui1.ThreadId) wrongThread.Enqueue("first " + e.PropertyName); };
        second.PropertyChanged += (_, e) => { if (Environment.CurrentManagedThreadId != ui2.ThreadId) wrongThread.Enqueue("second " + e.PropertyName); };
        var inserted = new BlockingCollection<Vehicle>();
        using var subscription = client.Vehicles().OnInserted(inserted.Add);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);
        await Harness.Until(() => first.IsConnected && second.IsConnected && first.SocketId == client.SocketId && second.SocketId == client.SocketId, "both show the connection and its socket id");
        var before = client.SocketId;

        server.Kill();
        await Harness.Until(() => first.State == ConnectionState.Reconnecting && first.ReconnectAttempt == 1 && first.SocketId is null, "the first shows it reconnecting");
        await Harness.Until(() => second.State == ConnectionState.Reconnecting && second.ReconnectAttempt == 1, "the second shows it reconnecting");
        await server.RestartAsync();
        await Harness.CreateVehiclesAsync(server, project); // the restarted server kept nothing

        await first.ReconnectAsync().WaitAsync(Harness.Deadline);

        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.NotEqual(before, client.SocketId);
        await Harness.Until(() => first.IsConnected && second.IsConnected && first.SocketId == client.SocketId && second.SocketId == client.SocketId && first.ReconnectAttempt == 0, "both show the new connection");
        Assert.Contains(client.SocketId, await server.Api.GetRoomMembersAsync(project));
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "back", status = "available" });
        Assert.Equal("back", (await inserted.Next()).RegistrationNumber);
        Assert.Empty(wrongThread);
    }
}
