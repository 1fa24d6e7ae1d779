using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// The websocket receives on a thread of its own over a blocking socket (one kernel wake-up per frame, as in Node),
/// and hands each run of events to the handlers on that thread when its next read has to wait. Proven here against
/// the real server: the thread is really used, what the app sets for the HTTP connection (a proxy) still applies,
/// and closing the client ends its threads, also when one is blocked in a receive; an idle client's pings are answered
/// by the watcher with no receive thread. (A receive thread given back waits as a spare under another name.)
/// These tests count the process's threads by name, so they run alone (no other test's client alongside).
/// </summary>
[Collection(ReceiveThreadCollection.Name)]
public sealed class ReceiveThreadTests
{
    private const string ThreadName = "Skaftin receive";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EventsAreReadAndHandledOnTheWebSocketsOwnThread(bool dispatchOnReceiveThread)
    {
        await using var server = await SkaftinDevServer.StartAsync();
        await using var session = await Harness.SessionAsync(server, o =>
        {
            o.Transport = SkaftinTransport.WebSocket;
            o.DispatchOnReceiveThread = dispatchOnReceiveThread;
        });
        var seen = new BlockingCollection<(string Registration, string? Thread)>();
        using var a = session.Client.Vehicles().OnInserted(v => seen.Add((v.RegistrationNumber, Thread.CurrentThread.Name)));

        // One event at a time, each delivered before the next is sent: every one is a run of its own, handed over
        // when the receive thread's next read waits. (The first may meet a drain of the join's state change.)
        var threads = new string?[5];
        for (var i = 0; i < threads.Length; i++)
        {
            await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "v" + i, status = "available" });
            var (registration, thread) = await seen.Next();
            Assert.Equal("v" + i, registration);
            threads[i] = thread;
        }

        Assert.All(threads.Skip(1), t => Assert.Equal(ThreadName, t));
    }

    [Fact]
    public async Task AProxyTheAppSetForTheWebSocketCarriesItsConnection()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        await using var proxy = TunnelingProxy.Start();
        await using var session = await Harness.SessionAsync(server, o =>
        {
            o.Transport = SkaftinTransport.WebSocket;
            o.ConfigureWebSocket = ws => ws.Proxy = new WebProxy(proxy.Url) { BypassProxyOnLocal = false };
        });
        var inserted = new BlockingCollection<Vehicle>();
        using var a = session.Client.Vehicles().OnInserted(inserted.Add);

        await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "through the proxy", status = "available" });

        Assert.Equal("through the proxy", (await inserted.Next()).RegistrationNumber);
        Assert.Equal($"CONNECT 127.0.0.1:{server.Url.Port} HTTP/1.1", Assert.Single(proxy.Requests));
    }

    [Fact]
    public async Task ClosingTheClientEndsItsReceiveThreadsEvenWhileOneIsBlockedInAReceive()
    {
        await using var server = await SkaftinDevServer.StartAsync();
        var before = ReceiveThreadsRunning();
        var session = await Harness.SessionAsync(server, o => o.Transport = SkaftinTransport.WebSocket);
        var inserted = new BlockingCollection<Vehicle>();
        using (session.Client.Vehicles().OnInserted(inserted.Add))
        {
            await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "one", status = "available" });
            Assert.Equal("one", (await inserted.Next()).RegistrationNumber);
            Assert.True(ReceiveThreadsRunning() > before, "the connected client has a receive thread");

            // Nothing more comes: the receive thread is blocked in the kernel, waiting for the next frame.
            await Task.Delay(200);
            await session.Membership.DisposeAsync();
            await session.Client.DisposeAsync().AsTask().WaitAsync(Harness.Deadline);
        }

        await Harness.Until(() => ReceiveThreadsRunning() <= before, "the closed client's receive threads have ended");
    }

    [Fact]
    public async Task AnIdleClientHoldsNoReceiveThreadYetAnswersEveryPingAndGetsItsNextEvent()
    {
        // Pings every 1.5 s (longer than the quiet time after which a receive thread gives the connection back), so
        // each ping finds the connection parked: it must be woken, answered in time, and parked again.
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
        {
            PingInterval = TimeSpan.FromMilliseconds(1500),
            PingTimeout = TimeSpan.FromMilliseconds(1000),
        });
        var before = ReceiveThreadsRunning();
        await using var session = await Harness.SessionAsync(server, o => o.Transport = SkaftinTransport.WebSocket);
        var states = new ConcurrentQueue<ConnectionStateChange>();
        session.Client.StateChanged += states.Enqueue;
        var socketId = session.Client.SocketId;
        var inserted = new BlockingCollection<(Vehicle Vehicle, string? Thread)>();
        using var a = session.Client.Vehicles().OnInserted(v => inserted.Add((v, Thread.CurrentThread.Name)));

        for (var i = 0; i < 2; i++)
        {
            await Harness.Until(() => ReceiveThreadsRunning() <= before, "the idle client gave its receive thread back");

            await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "after idle " + i, status = "available" });
            var (vehicle, thread) = await inserted.Next();
            Assert.Equal("after idle " + i, vehicle.RegistrationNumber);
            Assert.Equal(ThreadName, thread);
        }

        // Idle across three of the server's pings: each woke the parked connection and was answered (a missed pong
        // ends the connection after 1 s), and the client never saw its connection drop.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(ConnectionState.Connected, session.Client.State);
        Assert.Equal(socketId, session.Client.SocketId);
        Assert.Empty(states);
        await Harness.Until(() => ReceiveThreadsRunning() <= before, "the idle client gave its receive thread back again");
    }

    [Fact]
    public async Task AParkedClientsPingsAreAnsweredByTheWatcherAndStillCountAsTheServersHeartbeat()
    {
        // Pings every 700 ms, and the client gives the server up after 1.2 s with no ping heard (interval + timeout,
        // as announced): a ping answered below the library must still reach the heartbeat watchdog.
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
        {
            PingInterval = TimeSpan.FromMilliseconds(700),
            PingTimeout = TimeSpan.FromMilliseconds(500),
        });
        var before = ReceiveThreadsRunning();
        await using var session = await Harness.SessionAsync(server, o => o.Transport = SkaftinTransport.WebSocket);
        var states = new ConcurrentQueue<ConnectionStateChange>();
        session.Client.StateChanged += states.Enqueue;
        var socketId = session.Client.SocketId;
        await Harness.Until(() => ReceiveThreadsRunning() <= before, "the idle client gave its receive thread back");
        var answered = ReadinessWatcher.Shared!.PingsAnswered;
        var resumed = ReadinessWatcher.Shared.Resumed;

        await Task.Delay(TimeSpan.FromSeconds(4));

        // About six pings came: (nearly) all answered by the watcher, none of them woke a receive thread.
        Assert.True(ReadinessWatcher.Shared.PingsAnswered - answered >= 4, $"{ReadinessWatcher.Shared.PingsAnswered - answered} pings answered by the watcher");
        Assert.True(ReadinessWatcher.Shared.Resumed - resumed <= 1, $"{ReadinessWatcher.Shared.Resumed - resumed} wake-ups of a receive thread");
        Assert.Equal(ConnectionState.Connected, session.Client.State);
        Assert.Equal(socketId, session.Client.SocketId);
        Assert.Empty(states);

        // The next event still comes up the ordinary way.
        var inserted = new BlockingCollection<Vehicle>();
        using var a = session.Client.Vehicles().OnInserted(inserted.Add);
        await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "after the pings", status = "available" });
        Assert.Equal("after the pings", (await inserted.Next()).RegistrationNumber);
    }

    // Linux names a thread after its managed name (up to 15 characters: "Skaftin receive" fits exactly).
    private static int ReceiveThreadsRunning()
    {
        var count = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == ThreadName)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The thread ended while we looked.
            }
        }

        return count;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReceiveThreadCollection
{
    public const string Name = "receive threads";
}
