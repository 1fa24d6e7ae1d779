using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;
using Xunit.Abstractions;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Issue 20, cases 1, 8 (the close frame) and 10: a peer that stops reading (a proxy in front of the real dev server
/// that stalls), the closure the server sees, and a dispose waited for from inside a handler.
/// </summary>
public sealed class ConnectionFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StuckWrites = TimeSpan.FromSeconds(5);

    // What a bounded operation may take beyond its own bound on a loaded 2-core machine.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(4);

    // What a wait may take after its caller's token fired: less than the time the writes stay stuck (StuckWrites), so a
    // wait that only ends when the stuck write gives up fails the test.
    private static readonly TimeSpan TokenSlack = TimeSpan.FromSeconds(2.5);

    private static Task<SkaftinDevServer> FastPingServerAsync() => SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
    {
        // The heartbeat the client follows is the server's: 3 s + 3 s, so a deaf connection is noticed in about 6 s
        // even when nothing is written; longer than the callers' 2 s tokens, so those fire while the writes are stuck.
        PingInterval = TimeSpan.FromSeconds(3),
        PingTimeout = TimeSpan.FromSeconds(3),
    });

    private static SkaftinRealtimeClient ClientThrough(FaultInjectingProxy proxy, SkaftinDevServer server, Action<SkaftinRealtimeOptions>? configure = null) =>
        Harness.Client(server, configure: o =>
        {
            o.ApiUrl = proxy.Url;
            o.Transport = SkaftinTransport.WebSocket;
            o.SendTimeout = SendTimeout;
            configure?.Invoke(o);
        });

    // 64 KiB ids: a hundred joins are 6.4 MB, more than the kernel buffers between the client and a proxy that stopped reading.
    private static List<Task> Flood(SkaftinRealtimeClient client, string tag) =>
        Enumerable.Range(0, 100).Select(i => (Task)client.JoinProjectAsync($"{tag}{i}-" + new string('x', 64 * 1024))).ToList();

    // Whatever a join cut by a dead connection ends with must be one of the documented outcomes, never an internal
    // exception of the transport (an ObjectDisposedException of a SemaphoreSlim, an IOException, a WebSocketException).
    private static async Task AssertEndsDocumentedAsync(IReadOnlyList<Task> joins, TimeSpan within, params Type[] documented)
    {
        var all = Task.WhenAll(joins);
        await Task.WhenAny(all, Task.Delay(within));
        var pending = joins.Count(static j => !j.IsCompleted);
        Assert.True(pending == 0, $"{pending} of {joins.Count} joins were still pending after {within.TotalSeconds} s");
        foreach (var join in joins.Where(static j => j.IsFaulted || j.IsCanceled))
        {
            var error = join.IsCanceled ? new OperationCanceledException() : join.Exception!.GetBaseException();
            Assert.True(
                documented.Any(t => t.IsInstanceOfType(error)) || error is ObjectDisposedException { ObjectName: nameof(SkaftinRealtimeClient) },
                $"a join ended with an undocumented {error.GetType().FullName}: {error.Message}");
        }
    }

    [Fact]
    public async Task APeerThatStopsReadingCostsBoundedWaitsMovesTheStateAndIsReconnected()
    {
        await using var server = await FastPingServerAsync();
        await using var proxy = new FaultInjectingProxy(server.Url);
        // Writes stay stuck for 5 s, past the callers' 2 s tokens.
        await using var client = ClientThrough(proxy, server, static o => o.SendTimeout = StuckWrites);
        var states = new ConcurrentQueue<ConnectionStateChange>();
        client.StateChanged += states.Enqueue;
        await client.StartAsync();
        await using var held = await client.JoinProjectAsync("p1");

        proxy.StallOpenConnections();
        var flood = Flood(client, "a");

        // A leave queued behind the stuck writes: the share is given up at once, and the wait for the leave's write
        // ends with the caller's token.
        using var leaveCancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var left = held.LeaveAsync(leaveCancel.Token).AsTask();
        Assert.False(client.GetJoinedProjects().ContainsKey("p1"));

        // A caller's token is honoured even when the join waits behind writes the peer does not take.
        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            var watch = Stopwatch.StartNew();
            var cancelled = client.JoinProjectAsync("p-cancelled", cancel.Token);
            await Task.WhenAny(cancelled, Task.Delay(TimeSpan.FromSeconds(2) + TokenSlack));
            Assert.True(cancelled.IsCompleted, $"a join with a 2 s token was still pending after {watch.Elapsed.TotalSeconds:0.0} s");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            output.WriteLine($"join with a 2 s token ended after {watch.Elapsed.TotalSeconds:0.00} s");
        }

        await Task.WhenAny(left, Task.Delay(TokenSlack));
        Assert.True(left.IsCompleted, "a leave with a 2 s token was still pending");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);

        // Without a token: the write past SendTimeout (or the heartbeat watchdog) ends the connection; a join whose
        // write was cut ends with the documented connection exception, one already written waits for the rejoin on the
        // next connection (and completes there), as the README says.
        var floodWatch = Stopwatch.StartNew();
        await AssertEndsDocumentedAsync(flood, StuckWrites + Slack, typeof(SkaftinConnectionException));
        Assert.Contains(flood, static j => j.IsFaulted);
        output.WriteLine($"joins without a token: {flood.Count(static j => j.IsFaulted)} ended with SkaftinConnectionException, {flood.Count(static j => j.IsCompletedSuccessfully)} completed on the rejoin; the last ended {floodWatch.Elapsed.TotalSeconds:0.00} s after the tokens fired (SendTimeout {StuckWrites.TotalSeconds} s)");

        // The state left Connected and the retry policy made a new connection, which holds the room again.
        await Harness.Until(() => states.Any(static s => s.Current == ConnectionState.Reconnecting), "the state moves to Reconnecting");
        await Harness.Until(() => client.State == ConnectionState.Connected && proxy.Accepted >= 2, "the client reconnects through the proxy");
        await using var again = await client.JoinProjectAsync("p2").WaitAsync(Harness.Deadline);
        await Harness.UntilInRoomAsync(server, client, "p2");
        Assert.NotNull(client.SocketId);
    }

    [Fact]
    public async Task AStallTheHeartbeatNoticesFirstIsReconnectedWithoutWaitingForTheStuckWrites()
    {
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
        {
            PingInterval = TimeSpan.FromSeconds(1),
            PingTimeout = TimeSpan.FromSeconds(1),
        });
        await using var proxy = new FaultInjectingProxy(server.Url);
        var patientWrites = TimeSpan.FromSeconds(8);
        await using var client = ClientThrough(proxy, server, o => o.SendTimeout = patientWrites);
        await client.StartAsync();
        await using var held = await client.JoinProjectAsync("p1");

        proxy.StallOpenConnections();
        var flood = Flood(client, "h");
        var watch = Stopwatch.StartNew();

        // The server's heartbeat (1 s + 1 s) runs out long before the stuck writes' SendTimeout (8 s).
        await Harness.Until(() => client.State != ConnectionState.Connected, "the state leaves Connected", TimeSpan.FromSeconds(2) + Slack);
        Assert.Null(client.SocketId);
        await Harness.Until(() => client.State == ConnectionState.Connected && proxy.Accepted >= 2, "the retry policy reconnects", patientWrites - TimeSpan.FromSeconds(1));
        output.WriteLine($"reconnected {watch.Elapsed.TotalSeconds:0.00} s after the stall (heartbeat 2 s, SendTimeout {patientWrites.TotalSeconds} s)");
        await Harness.UntilInRoomAsync(server, client, "p1");
        await AssertEndsDocumentedAsync(flood, patientWrites + Slack, typeof(SkaftinConnectionException));
    }

    [Fact]
    public async Task StopAndDisposeReturnWithinTheSendTimeoutWhileWritesAreStuck()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        await using var proxy = new FaultInjectingProxy(server.Url);
        var client = ClientThrough(proxy, server, static o =>
        {
            // The dev server announces no fast heartbeat here (45 s): the stop and the dispose face the stuck writes.
            o.HeartbeatTimeout = TimeSpan.FromMinutes(10);
            // A join already written when the connection went waits for the next one this long, then times out.
            o.RequestTimeout = SendTimeout;
        });
        try
        {
            await client.StartAsync();
            proxy.StallOpenConnections();
            var flood = Flood(client, "s");
            await Task.Delay(500); // the writes are stuck now

            var watch = Stopwatch.StartNew();
            var stopped = client.StopAsync();
            await Task.WhenAny(stopped, Task.Delay(SendTimeout + Slack));
            Assert.True(stopped.IsCompleted, $"StopAsync was still pending after {watch.Elapsed.TotalSeconds:0.0} s");
            await stopped;
            output.WriteLine($"StopAsync with stuck writes returned after {watch.Elapsed.TotalSeconds:0.00} s (SendTimeout {SendTimeout.TotalSeconds} s)");
            Assert.Equal(ConnectionState.Disconnected, client.State);
            await AssertEndsDocumentedAsync(flood, SendTimeout + Slack, typeof(SkaftinConnectionException), typeof(TimeoutException));

            await client.StartAsync();
            proxy.StallOpenConnections();
            var second = Flood(client, "d");
            await Task.Delay(500);
            watch.Restart();
            var disposed = client.DisposeAsync().AsTask();
            await Task.WhenAny(disposed, Task.Delay(SendTimeout + Slack));
            Assert.True(disposed.IsCompleted, $"DisposeAsync was still pending after {watch.Elapsed.TotalSeconds:0.0} s");
            await disposed;
            output.WriteLine($"DisposeAsync with stuck writes returned after {watch.Elapsed.TotalSeconds:0.00} s (SendTimeout {SendTimeout.TotalSeconds} s)");
            await AssertEndsDocumentedAsync(second, Slack, typeof(SkaftinConnectionException), typeof(TimeoutException));
        }
        finally
        {
            _ = client.DisposeAsync().AsTask();
        }
    }

    [Fact]
    public async Task DisposeSendsACloseFrameSoTheServerSeesANormalClosure()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        await using var proxy = new FaultInjectingProxy(server.Url);
        var client = ClientThrough(proxy, server);
        await client.StartAsync();
        await using (await client.JoinProjectAsync("p1"))
        {
        }

        await client.DisposeAsync();

        await Harness.Until(() => !proxy.CloseCodes.IsEmpty, "the proxy saw the client's close frame", TimeSpan.FromSeconds(5));
        Assert.Equal(new int?[] { 1000 }, proxy.CloseCodes.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DisposeWaitedForInsideAHandlerReturns(bool stopFirst)
    {
        await using var server = await SkaftinDevServer.StartAsync();
        var client = Harness.Client(server);
        var outcome = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += change =>
        {
            if (change.Current != ConnectionState.Connected)
            {
                return;
            }

            // The blocking waits an app might write in a synchronous handler, each bounded so a deadlock shows as false.
            var stopped = !stopFirst || client.StopAsync().Wait(TimeSpan.FromSeconds(10));
            var disposed = client.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
            outcome.TrySetResult($"stopped {stopped}, disposed {disposed}");
        };

        await client.StartAsync();

        Assert.Equal("stopped True, disposed True", await outcome.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(ConnectionState.Disconnected, client.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.StartAsync());
    }
}
