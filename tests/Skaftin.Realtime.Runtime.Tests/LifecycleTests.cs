using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The app's own call sequences against the socket seam (issue 11's first list): starting twice, starting again after
/// the server or the retry policy ended the connection, concurrent and cancelled starts, joins before connecting,
/// the announced heartbeat, and one set of option rules.
/// </summary>
public sealed class LifecycleTests
{
    private readonly FakeSocketServer _server = new();

    [Fact]
    public async Task StartingAgainWhileConnectedAndJoinedKeepsTheSocketAndTheRoom()
    {
        var received = 0;
        await using var client = _server.CreateClient();
        using var a = client.Vehicles().OnInserted(_ => Interlocked.Increment(ref received));
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");

        await client.StartAsync();
        await client.StartAsync();

        Assert.Single(_server.Connections);
        Assert.Equal(ConnectionState.Connected, client.State);
        _server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("A"));
        await Eventually.Until(() => Volatile.Read(ref received) == 1, "the event still arrives");
    }

    [Fact]
    public async Task StartingAfterAServerSideDisconnectRejoinsHeldRoomsAndSignalsResync()
    {
        var resyncs = new ConcurrentQueue<ResyncRequired>();
        await using var client = _server.CreateClient();
        using var a = client.Vehicles().OnResync(resyncs.Enqueue);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        _server.Current.Drop(DisconnectReason.ServerDisconnect);
        await Eventually.Until(() => client.State == ConnectionState.Disconnected, "the server closed the connection");

        await client.StartAsync();

        await Eventually.Until(() => _server.Current.Rooms.Contains("p1"), "p1 is joined on the new socket");
        await Eventually.Until(() => resyncs.Count == 1, "tables are told to resync");
        await using var second = await client.JoinProjectAsync("p1"); // a further holder of a held room completes at once
        Assert.Equal(2, client.GetJoinedProjects()["p1"]);
        Assert.Equal(0, _server.Current.DuplicateJoins);
    }

    [Fact]
    public async Task StartingAfterTheRetryPolicyGaveUpRejoinsHeldRooms()
    {
        await using var client = _server.CreateClient(o =>
        {
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxAttempts = 1;
            o.ConnectTimeout = TimeSpan.FromMilliseconds(100);
        });
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        _server.Unreachable = true;
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Disconnected, "reconnecting gives up");
        _server.Unreachable = false;

        await client.StartAsync();

        await Eventually.Until(() => _server.Current.Rooms.Contains("p1"), "p1 is joined on the new socket");
    }

    [Fact]
    public async Task ConcurrentStartsMakeOneSocketAndDisposeLeavesNoneOpen()
    {
        var client = _server.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.StartAsync())));

        Assert.Single(_server.Connections);
        Assert.Equal(ConnectionState.Connected, client.State);
        await client.DisposeAsync();
        Assert.Equal(0, _server.OpenConnections);
        Assert.Equal(ConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task ACancelledStartLeavesNothingOpenAndTheClientStartsLater()
    {
        _server.Unreachable = true;
        await using var client = _server.CreateClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StartAsync(cts.Token));

        Assert.Equal(ConnectionState.Disconnected, client.State);
        Assert.Equal(0, _server.OpenConnections);
        _server.Unreachable = false;
        await client.StartAsync();
        Assert.Equal(1, _server.OpenConnections);
    }

    [Fact]
    public async Task AFirstConnectionIsRetriedUntilTheBackendComes()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        _server.Unreachable = true;
        await using var client = _server.CreateClient(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(50));
        using var e = client.OnError(errors.Enqueue);
        await using var membership = await client.JoinProjectAsync("p1");

        var start = client.StartAsync();
        await Eventually.Until(() => _server.Connections.Count >= 3, "the start is retried");
        Assert.Equal(ConnectionState.Connecting, client.State);
        Assert.False(start.IsCompleted);
        _server.Unreachable = false;

        await start.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ConnectionState.Connected, client.State);
        await Eventually.Until(() => _server.Current.Rooms.Contains("p1"), "p1 is joined");
        Assert.Equal(1, _server.OpenConnections);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WithRetryInitialConnectionOffAFailedStartThrows()
    {
        _server.Authenticate = static _ => "invalid api key";
        await using var client = _server.CreateClient(o => o.RetryInitialConnection = false);

        var error = await Assert.ThrowsAsync<SkaftinAuthenticationException>(() => client.StartAsync());

        Assert.Equal("invalid api key", error.ServerMessage);
        Assert.Single(_server.Connections);
        Assert.Equal(ConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task AJoinDuringAReconnectIsRememberedAndSentOnTheNewSocket()
    {
        await using var client = _server.CreateClient(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(50));
        await client.StartAsync();
        _server.Unreachable = true;
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Reconnecting, "the client reconnects");

        await using var membership = await client.JoinProjectAsync("p2");
        _server.Unreachable = false;

        await Eventually.Until(() => client.State == ConnectionState.Connected && _server.Current.Rooms.Contains("p2"), "p2 is joined on the new socket");
        Assert.Equal(0, _server.Current.DuplicateJoins);
    }

    [Fact]
    public async Task TheHeartbeatFollowsWhatTheServerAnnounces()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _server.AnnouncedHeartbeat = TimeSpan.FromSeconds(90); // pingInterval 60 s + pingTimeout 30 s
        await using var client = _server.CreateClient(o =>
        {
            o.TimeProvider = time;
            o.HeartbeatTimeout = TimeSpan.FromSeconds(45);
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromMinutes(10);
        });
        await client.StartAsync();
        Assert.Equal(TimeSpan.FromSeconds(90), client.HeartbeatTimeout);

        // A healthy idle connection pinged every 60 s is kept.
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(60));
            _server.Current.Ping();
        }

        await Task.Delay(100);
        Assert.Equal(ConnectionState.Connected, client.State);

        time.Advance(TimeSpan.FromSeconds(100));
        await Eventually.Until(() => client.State == ConnectionState.Reconnecting, "a silent server is noticed after 90 s");
    }

    [Fact]
    public void TheConstructorKeepsTheSameRulesAsTheHost()
    {
        var error = Assert.Throws<ArgumentException>(() => _server.CreateClient(o =>
        {
            o.ApiUrl = new Uri("ftp://example");
            o.HeartbeatTimeout = TimeSpan.Zero;
        }));

        Assert.Contains("Skaftin:ApiUrl must be an absolute http", error.Message);
        Assert.Contains("HeartbeatTimeout must be positive", error.Message);
    }

    [Fact]
    public async Task StopEndsReconnectingAndWaitsForItAndAStartRejoins()
    {
        await using var client = _server.CreateClient(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(50));
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        _server.Unreachable = true;
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => _server.Connections.Count >= 3, "the client is reconnecting");

        await client.StopAsync();
        var attempts = _server.Connections.Count;
        await Task.Delay(200);

        Assert.Equal(attempts, _server.Connections.Count);
        Assert.Equal(0, _server.OpenConnections);
        Assert.Equal(ConnectionState.Disconnected, client.State);
        _server.Unreachable = false;
        await client.StartAsync();
        await Eventually.Until(() => _server.Current.Rooms.Contains("p1"), "p1 is joined after the restart");
    }
}
