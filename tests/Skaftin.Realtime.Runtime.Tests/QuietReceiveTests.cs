using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The idle/busy hand-over of <see cref="ReceiveThreads"/>, over real loopback TCP connections: a connection with no
/// data for the quiet time gives its receive thread back (the read parks with <see cref="ReadinessWatcher"/>), the
/// next data gets a thread again (a spare one, see SpareReceiveThreadTests) and is delivered after the usual
/// receive-idle hand-over, a handler that blocks still
/// never stops the receiving across a park, and closing ends a parked read.
/// </summary>
public sealed class QuietReceiveTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);
    private readonly LoopbackConnections _loopback = new();

    public void Dispose() => _loopback.Dispose();

    [Fact]
    public async Task AQuietConnectionGivesItsThreadBackAndTheNextDataGetsANewOne()
    {
        var (stream, server) = await ConnectAsync();
        var idleThreads = new BlockingCollection<Thread>();
        var received = new BlockingCollection<(byte Value, Thread Thread)>();
        using var threads = new ReceiveThreads(stream, () => idleThreads.Add(Thread.CurrentThread), Quiet);
        var loop = ReceiveLoops.Start(threads, async () =>
        {
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1)
            {
                received.Add((one[0], Thread.CurrentThread));
            }
        });

        var first = ReceiveLoops.Take(idleThreads);
        await Eventually(() => stream.HasParkedRead && !IsReceiving(first), "the quiet read parked and its thread was given back");
        Assert.True(ReadinessWatcher.Shared!.ParkedCount >= 1);

        for (byte i = 1; i <= 3; i++)
        {
            await server.GetStream().WriteAsync(new[] { i });
            var (value, thread) = ReceiveLoops.Take(received);
            Assert.Equal(i, value);
            Assert.Equal("Skaftin receive", thread.Name);

            // Delivered, then handed over again before the next read waits, then parked again when nothing comes.
            var handedOver = ReceiveLoops.Take(idleThreads);
            Assert.Same(thread, handedOver);
            await Eventually(() => stream.HasParkedRead && !IsReceiving(thread), $"the read parked again after byte {i}");
            first = thread;
        }

        server.Client.Shutdown(SocketShutdown.Send);
        await loop.WaitAsync(Deadline);
        Assert.False(stream.HasParkedRead);
    }

    [Fact]
    public async Task ABusyConnectionKeepsItsThreadWhileDataComesWithinTheQuietTime()
    {
        var (stream, server) = await ConnectAsync();
        var received = new BlockingCollection<Thread>();
        using var threads = new ReceiveThreads(stream, idle: null, TimeSpan.FromSeconds(2));
        var loop = ReceiveLoops.Start(threads, async () =>
        {
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1)
            {
                received.Add(Thread.CurrentThread);
            }
        });

        var seen = new HashSet<Thread>();
        for (var i = 0; i < 5; i++)
        {
            await server.GetStream().WriteAsync(new byte[] { 1 });
            seen.Add(ReceiveLoops.Take(received));
            await Task.Delay(20);
        }

        Assert.Single(seen);
        Assert.False(stream.HasParkedRead);
        server.Client.Shutdown(SocketShutdown.Send);
        await loop.WaitAsync(Deadline);
    }

    [Fact]
    public async Task ClosingTheConnectionEndsAParkedRead()
    {
        var (stream, _) = await ConnectAsync();
        using var threads = new ReceiveThreads(stream, idle: null, Quiet);
        var loop = ReceiveLoops.Start(threads, async () => await stream.ReadAsync(new byte[16]));
        await Eventually(() => stream.HasParkedRead, "the read parked");

        stream.Dispose();

        var error = await Record.ExceptionAsync(() => loop.WaitAsync(Deadline));
        Assert.True(error is IOException or ObjectDisposedException, error?.ToString() ?? "the parked read ended without an error");
    }

    [Fact]
    public async Task TheServerClosingAParkedConnectionEndsItsRead()
    {
        var (stream, server) = await ConnectAsync();
        using var threads = new ReceiveThreads(stream, idle: null, Quiet);
        var loop = ReceiveLoops.Start(threads, async () => await stream.ReadAsync(new byte[16]));
        await Eventually(() => stream.HasParkedRead, "the read parked");

        server.Client.Shutdown(SocketShutdown.Send);

        Assert.Equal(0, await loop.WaitAsync(Deadline));
    }

    [Fact]
    public async Task AHandlerThatBlocksAcrossAParkDoesNotStopTheReceiving()
    {
        var (stream, server) = await ConnectAsync();
        using var blocked = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = 1;
        var received = new BlockingCollection<byte>();
        using var threads = new ReceiveThreads(stream, () =>
        {
            if (Interlocked.Exchange(ref first, 0) == 1)
            {
                blocked.Set();
                release.Wait(Deadline); // an app's handler that blocks on the receive thread
            }
        }, Quiet);
        var loop = ReceiveLoops.Start(threads, async () =>
        {
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1)
            {
                received.Add(one[0]);
            }
        });

        Assert.True(blocked.Wait(Deadline), "the first hand-over runs");
        await server.GetStream().WriteAsync(new byte[] { 1 });
        Assert.Equal(1, ReceiveLoops.Take(received)); // taken over by a new thread while the first is held

        // That thread goes quiet and parks while the first is still held; the next byte still arrives.
        await Eventually(() => stream.HasParkedRead, "the taking-over thread parked");
        await server.GetStream().WriteAsync(new byte[] { 2 });
        Assert.Equal(2, ReceiveLoops.Take(received));
        Assert.False(release.IsSet);

        release.Set();
        server.Client.Shutdown(SocketShutdown.Send);
        await loop.WaitAsync(Deadline);
    }

    [Fact]
    public async Task ManyParkedConnectionsEachGetTheirOwnDataBack()
    {
        const int Count = 40;
        var received = new ConcurrentDictionary<int, byte>();
        var connections = new List<(BlockingSocketStream Stream, TcpClient Server, ReceiveThreads Threads, Task Loop)>();
        for (var i = 0; i < Count; i++)
        {
            var id = i;
            var (stream, server) = await ConnectAsync();
            var threads = new ReceiveThreads(stream, idle: null, Quiet);
            var loop = ReceiveLoops.Start(threads, async () =>
            {
                var one = new byte[1];
                while (await stream.ReadAsync(one) == 1)
                {
                    received[id] = one[0];
                }
            });
            connections.Add((stream, server, threads, loop));
        }

        await Eventually(() => connections.All(c => c.Stream.HasParkedRead), "every connection parked");

        for (var round = 1; round <= 2; round++)
        {
            var value = (byte)round;
            foreach (var (i, c) in connections.Index().Where(c => c.Index % 2 == round % 2))
            {
                await c.Server.GetStream().WriteAsync(new[] { (byte)(value + i) });
            }

            await Eventually(
                () => connections.Index().Where(c => c.Index % 2 == round % 2).All(c => received.TryGetValue(c.Index, out var got) && got == (byte)(value + c.Index)),
                $"round {round}: each connection got its own byte");
        }

        foreach (var c in connections)
        {
            c.Server.Client.Shutdown(SocketShutdown.Send);
            await c.Loop.WaitAsync(Deadline);
            c.Threads.Dispose();
        }
    }

    // A thread given back is either a spare (renamed while it waits) or ended.
    private static bool IsReceiving(Thread thread) => thread.IsAlive && thread.Name == SpareReceiveThreads.ReceiveName;

    private Task<(BlockingSocketStream Stream, TcpClient Server)> ConnectAsync() => _loopback.ConnectAsync();

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, what);
            await Task.Delay(10);
        }
    }
}
