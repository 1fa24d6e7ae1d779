using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The websocket's connection (<see cref="BlockingSocketStream"/>) and the threads that receive on it
/// (<see cref="ReceiveThreads"/>), over a real loopback TCP connection: every read that has to wait for the network
/// is handed over first (the receive-idle hand-over, also for a zero-byte read), a hand-over that blocks never stops
/// the receiving, and closing ends a read that waits. (The websocket over them is proven against the real server in
/// the integration tests' <c>ReceiveThreadTests</c>.)
/// </summary>
public sealed class BlockingReceiveTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private BlockingSocketStream _stream = null!;
    private TcpClient _server = null!;

    public async Task InitializeAsync()
    {
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        var accept = _listener.AcceptTcpClientAsync();
        _stream = await BlockingSocketStream.ConnectAsync(new DnsEndPoint("127.0.0.1", port), TimeSpan.FromSeconds(10), CancellationToken.None);
        _server = await accept;
    }

    public Task DisposeAsync()
    {
        _stream.Dispose();
        _server.Dispose();
        _listener.Stop();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryReadThatWaitsIsHandedOverFirstAndThenPerformedOnTheSameThread()
    {
        var idles = 0;
        var received = new BlockingCollection<(byte Value, int Idles, string? Thread)>();
        using var threads = new ReceiveThreads(_stream, () => Interlocked.Increment(ref idles));
        var loop = ReceiveLoops.Start(threads, async () =>
        {
            var one = new byte[1];
            while (await _stream.ReadAsync(one) == 1)
            {
                received.Add((one[0], Volatile.Read(ref idles), Thread.CurrentThread.Name));
            }
        });

        for (byte i = 1; i <= 3; i++)
        {
            // The reader waits for the network each time: it has handed over before the byte is sent.
            var handedOver = i;
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref idles) >= handedOver, Deadline), $"hand-over {i} happened");
            await _server.GetStream().WriteAsync(new[] { i });
            var (value, idlesBefore, thread) = ReceiveLoops.Take(received);
            Assert.Equal(i, value);
            Assert.True(idlesBefore >= i, $"read {i} was performed after {idlesBefore} hand-overs");
            Assert.Equal("Skaftin receive", thread);
        }

        _server.Client.Shutdown(SocketShutdown.Send);
        await loop.WaitAsync(Deadline);
    }

    [Fact]
    public async Task AZeroByteReadWaitsForDataAndIsHandedOverLikeAnyOther()
    {
        // SslStream reads zero bytes first: a receive thread blocked in it without handing over would leave the
        // events it already read undelivered until more data came (the class of the wss:// bug this test pins).
        var idles = 0;
        var afterZeroByteRead = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var threads = new ReceiveThreads(_stream, () => Interlocked.Increment(ref idles));
        var loop = ReceiveLoops.Start(threads, async () =>
        {
            var zero = await _stream.ReadAsync(Memory<byte>.Empty);
            afterZeroByteRead.TrySetResult(Volatile.Read(ref idles));
            Assert.Equal(0, zero);
            var one = new byte[1];
            Assert.Equal(1, await _stream.ReadAsync(one));
            Assert.Equal(7, one[0]);
        });

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref idles) >= 1, Deadline), "the zero-byte read was handed over before it waited");
        await Task.Delay(50);
        Assert.False(afterZeroByteRead.Task.IsCompleted, "a zero-byte read with no data waits for data");
        await _server.GetStream().WriteAsync(new byte[] { 7 });
        Assert.True(await afterZeroByteRead.Task.WaitAsync(Deadline) >= 1);
        await loop.WaitAsync(Deadline);
    }

    [Fact]
    public async Task AHandOverThatBlocksDoesNotStopTheReceivingAnotherThreadTakesTheRead()
    {
        using var blocked = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = 1;
        var received = new BlockingCollection<(byte Value, int Thread)>();
        using var threads = new ReceiveThreads(_stream, () =>
        {
            if (Interlocked.Exchange(ref first, 0) == 1)
            {
                blocked.Set();
                release.Wait(Deadline); // an app's handler that blocks on the receive thread
            }
        });
        var loopThread = 0;
        var loop = ReceiveLoops.Start(threads, async () =>
        {
            loopThread = Environment.CurrentManagedThreadId;
            var one = new byte[1];
            while (await _stream.ReadAsync(one) == 1)
            {
                received.Add((one[0], Environment.CurrentManagedThreadId));
            }
        });

        Assert.True(blocked.Wait(Deadline), "the first hand-over runs");
        await _server.GetStream().WriteAsync(new byte[] { 1, 2 });

        // Both bytes arrive while the first thread is still held: a new thread took the waiting read over.
        var a = ReceiveLoops.Take(received);
        var b = ReceiveLoops.Take(received);
        Assert.Equal(new byte[] { 1, 2 }, new[] { a.Value, b.Value });
        Assert.False(release.IsSet);
        Assert.NotEqual(loopThread, a.Thread);

        release.Set();
        _server.Client.Shutdown(SocketShutdown.Send);
        await loop.WaitAsync(Deadline);
    }

    [Fact]
    public async Task ClosingTheConnectionEndsAReadThatWaits()
    {
        using var threads = new ReceiveThreads(_stream, idle: null);
        var loop = ReceiveLoops.Start(threads, async () => await _stream.ReadAsync(new byte[16]));
        await Task.Delay(100);
        Assert.False(loop.IsCompleted, "the read waits for the network");

        _stream.Dispose();

        // The thread blocked in the kernel wakes: the read ends as the end of the stream, or fails as closed.
        var error = await Record.ExceptionAsync(() => loop.WaitAsync(Deadline));
        if (error is null)
        {
            Assert.Equal(0, await loop);
        }
        else
        {
            Assert.True(error is IOException or ObjectDisposedException, error.ToString());
        }
    }

    [Fact]
    public async Task TheServerClosingTheConnectionEndsTheReads()
    {
        using var threads = new ReceiveThreads(_stream, idle: null);
        var loop = ReceiveLoops.Start(threads, async () =>
        {
            var buffer = new byte[16];
            var total = 0;
            int count;
            while ((count = await _stream.ReadAsync(buffer)) > 0)
            {
                total += count;
            }

            return total;
        });

        await _server.GetStream().WriteAsync(new byte[] { 1, 2, 3 });
        await Task.Delay(50);
        _server.Client.Shutdown(SocketShutdown.Send);
        Assert.Equal(3, await loop.WaitAsync(Deadline));
    }
}
