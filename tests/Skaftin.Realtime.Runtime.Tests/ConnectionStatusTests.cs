using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The bindable connection status (one per subscriber, each on its own context) and the Reconnect button
/// (<see cref="SkaftinRealtimeClient.ReconnectAsync"/>) in each connection state, against the socket seam.
/// </summary>
public sealed class ConnectionStatusTests : IDisposable
{
    private readonly FakeSocketServer _server = new();
    private readonly SingleThreadContext _ui1 = new();
    private readonly SingleThreadContext _ui2 = new();

    public void Dispose()
    {
        _ui1.Dispose();
        _ui2.Dispose();
    }

    [Fact]
    public async Task TwoSubscribersOnTwoContextsEachSeeTheirChangesOnTheirOwnThread()
    {
        await using var client = _server.CreateClient(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(50));
        using var first = client.CreateConnectionStatus(_ui1);
        using var second = client.CreateConnectionStatus(_ui2);
        var seenByFirst = Record(first);
        var seenBySecond = Record(second);

        await client.StartAsync();
        await Eventually.Until(() => first.IsConnected && second.IsConnected, "both show the connection");
        _server.Unreachable = true;
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => first.ReconnectAttempt >= 2 && second.ReconnectAttempt >= 2, "both count the attempts");
        _server.Unreachable = false;
        await Eventually.Until(() => first.IsConnected && second.IsConnected && first.ReconnectAttempt == 0, "both show the new connection");

        foreach (var (status, seen, context) in new[] { (first, seenByFirst, _ui1), (second, seenBySecond, _ui2) })
        {
            Assert.All(seen, change => Assert.Equal(context.ThreadId, change.Thread));
            var states = seen.Where(static c => c.Property == nameof(RealtimeConnectionStatus.State)).Select(static c => c.State).ToList();
            Assert.Equal(new[] { ConnectionState.Connected, ConnectionState.Reconnecting, ConnectionState.Connected }, states.Where(static s => s != ConnectionState.Connecting));
            Assert.Contains(seen, static c => c.Property == nameof(RealtimeConnectionStatus.ReconnectAttempt) && c.Attempt >= 2);
            Assert.Equal(client.SocketId, status.SocketId);
            Assert.Equal("reconnected", status.Reason);
        }
    }

    [Fact]
    public async Task AStatusCreatedOnAContextRaisesThereAndADisposedOneRaisesNothing()
    {
        await using var client = _server.CreateClient();
        var status = _ui1.Run(() => client.CreateConnectionStatus());
        var seen = Record(status);
        using var other = client.CreateConnectionStatus(_ui2);

        await client.StartAsync();
        await Eventually.Until(() => status.IsConnected && other.IsConnected, "both show the connection");
        status.Dispose();
        await client.StopAsync();
        await Eventually.Until(() => other.State == ConnectionState.Disconnected, "the other one shows the stop");
        _ui1.Run(static () => 0); // anything posted to the first context before it was disposed has run

        Assert.All(seen, change => Assert.Equal(_ui1.ThreadId, change.Thread));
        Assert.Equal(ConnectionState.Connected, status.State);
        Assert.DoesNotContain(seen, static c => c.State == ConnectionState.Disconnected);
    }

    [Fact]
    public async Task GivingUpShowsTheErrorAndTheReconnectButtonStartsAgainAndRejoins()
    {
        var resyncs = new ConcurrentQueue<ResyncRequired>();
        await using var client = _server.CreateClient(o =>
        {
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxAttempts = 1;
            o.ConnectTimeout = TimeSpan.FromMilliseconds(50);
        });
        using var status = client.CreateConnectionStatus(_ui1);
        using var r = client.Vehicles().OnResync(resyncs.Enqueue);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        _server.Unreachable = true;
        _server.Current.Drop(DisconnectReason.TransportClosed);

        await Eventually.Until(() => status.State == ConnectionState.Disconnected && status.LastError is not null, "the status shows the client gave up");
        Assert.IsType<SkaftinConnectionException>(status.LastError);
        Assert.Contains("Gave up reconnecting", status.Reason);
        Assert.Equal(0, status.ReconnectAttempt);
        Assert.Null(status.SocketId);

        _server.Unreachable = false;
        await status.ReconnectAsync();

        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Contains("p1", _server.Current.Rooms);
        await Eventually.Until(() => resyncs.Count == 1, "tables are told to reload what they missed");
        await Eventually.Until(() => status.IsConnected && status.LastError is null, "the status shows the new connection, the error gone");
    }

    [Fact]
    public async Task WhileConnectedTheReconnectButtonKeepsTheSocket()
    {
        await using var client = _server.CreateClient();
        await client.StartAsync();
        var socket = _server.Current;

        await client.ReconnectAsync();

        Assert.Single(_server.Connections);
        Assert.False(socket.Closed);
        Assert.Equal(ConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task AfterAStopOrAServerSideDisconnectTheReconnectButtonStartsAgainAndRejoins()
    {
        await using var client = _server.CreateClient();
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");

        await client.StopAsync();
        await client.ReconnectAsync();

        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(2, _server.Connections.Count);
        Assert.Contains("p1", _server.Current.Rooms);

        _server.Current.Drop(DisconnectReason.ServerDisconnect); // the server closed it on purpose: not called back
        await Eventually.Until(() => client.State == ConnectionState.Disconnected, "the client stays disconnected");
        await client.ReconnectAsync();

        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(3, _server.Connections.Count);
        Assert.Contains("p1", _server.Current.Rooms);
    }

    [Fact]
    public async Task CancellingTheButtonWhileReconnectingAbandonsOnlyTheWait()
    {
        await using var client = _server.CreateClient(o =>
        {
            o.ConnectTimeout = TimeSpan.FromMilliseconds(50);
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromMilliseconds(20);
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxDelay = TimeSpan.FromMilliseconds(20);
        });
        await client.StartAsync();
        _server.Unreachable = true;
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Reconnecting, "the client reconnects");
        using var cancel = new CancellationTokenSource();
        var pressed = client.ReconnectAsync(cancel.Token);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pressed);
        Assert.Equal(ConnectionState.Reconnecting, client.State);
        _server.Unreachable = false;
        await Eventually.Until(() => client.State == ConnectionState.Connected, "the retrying went on and connected");
    }

    [Fact]
    public async Task WhileReconnectingTheReconnectButtonRetriesNowInsteadOfAfterTheBackoff()
    {
        await using var client = _server.CreateClient(o =>
        {
            o.ConnectTimeout = TimeSpan.FromMilliseconds(50);
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromHours(1);
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxDelay = TimeSpan.FromHours(1);
        });
        using var status = client.CreateConnectionStatus(_ui1);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Reconnecting && client.ReconnectAttempt == 1, "the client waits an hour before its first attempt");
        Assert.Single(_server.Connections);

        await client.ReconnectAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(2, _server.Connections.Count);
        Assert.Contains("p1", _server.Current.Rooms);
        await Eventually.Until(() => status.IsConnected && status.ReconnectAttempt == 0, "the status shows it");
    }

    [Fact]
    public async Task WhileAFirstConnectionIsRetriedTheReconnectButtonTriesNow()
    {
        _server.Unreachable = true;
        await using var client = _server.CreateClient(o =>
        {
            o.ConnectTimeout = TimeSpan.FromMilliseconds(50);
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromHours(1);
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxDelay = TimeSpan.FromHours(1);
        });
        var start = client.StartAsync();
        await Eventually.Until(() => client.ReconnectAttempt == 1, "the first attempt failed and the next waits an hour");
        _server.Unreachable = false;

        await client.ReconnectAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ConnectionState.Connected, client.State);
        await start.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _server.Connections.Count);
    }

    [Fact]
    public async Task WhileReconnectingTheButtonReportsTheRetryPolicyGivingUp()
    {
        await using var client = _server.CreateClient(o =>
        {
            o.ConnectTimeout = TimeSpan.FromMilliseconds(50);
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxAttempts = 1;
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromHours(1);
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxDelay = TimeSpan.FromHours(1);
        });
        await client.StartAsync();
        _server.Unreachable = true;
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.ReconnectAttempt == 1, "the client waits an hour before its only attempt");

        var error = await Assert.ThrowsAsync<SkaftinConnectionException>(() => client.ReconnectAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("Gave up reconnecting after 1 attempts", error.Message);
        Assert.Equal(ConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task AThrowingStatusHandlerIsReportedAndTheOthersStillRun()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        var calls = 0;
        await using var client = _server.CreateClient();
        using var e = client.OnError(errors.Enqueue);
        using var status = client.CreateConnectionStatus(_ui1);
        status.PropertyChanged += (_, _) => throw new InvalidOperationException("binding broke");
        status.PropertyChanged += (_, _) => Interlocked.Increment(ref calls);

        await client.StartAsync();

        // The failure may be reported before the next handler of the same change has run: wait for both.
        await Eventually.Until(() => status.IsConnected && errors.Any() && Volatile.Read(ref calls) > 0, "the failure is reported and the other handler runs");
        var error = errors.First();
        Assert.Equal(RealtimeErrorKind.HandlerFailed, error.Kind);
        Assert.Equal("connection-status", error.EventName);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    private static ConcurrentQueue<Change> Record(RealtimeConnectionStatus status)
    {
        var seen = new ConcurrentQueue<Change>();
        status.PropertyChanged += (_, e) => seen.Enqueue(new Change(e.PropertyName!, Environment.CurrentManagedThreadId, status.State, status.ReconnectAttempt));
        return seen;
    }

    private sealed record Change(string Property, int Thread, ConnectionState State, int Attempt);
}
