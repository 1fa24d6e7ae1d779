using System;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Reads asked for while another is outstanding, over real loopback TCP connections. The websocket asks for one while
/// it closes (its wait for the server to close the connection can cross the receive loop's own read); before this, the
/// second read was set up over the first and the first's awaiter threw on a thread-pool thread, ending the process.
/// Now a read waits its turn: bytes go to reads in the order they start, none lost or read twice, none left hanging.
/// </summary>
public sealed class ConcurrentReadTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly LoopbackConnections _loopback = new();

    public void Dispose() => _loopback.Dispose();

    [Fact]
    public async Task ASecondReadWaitsItsTurnAndGetsTheBytesAfterTheFirstOnes()
    {
        var (stream, server) = await _loopback.ConnectAsync();
        var queuedWhileFirstWaited = -1;
        var issued = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var both = ReceiveLoops.Start(Receiving(stream), async () =>
        {
            var a = new byte[1];
            var b = new byte[1];
            var first = stream.ReadAsync(a);
            var second = stream.ReadAsync(b);
            queuedWhileFirstWaited = stream.QueuedReads;
            issued.TrySetResult();
            return (await first, a[0], await second, b[0]);
        });

        await issued.Task.WaitAsync(Deadline); // both asked for before any byte is there
        await server.GetStream().WriteAsync(new byte[] { 1 });
        await Task.Delay(50);
        await server.GetStream().WriteAsync(new byte[] { 2 });

        Assert.Equal((1, (byte)1, 1, (byte)2), await both.WaitAsync(Deadline));
        Assert.Equal(1, queuedWhileFirstWaited);
        Assert.Equal(0, stream.QueuedReads);
    }

    [Fact]
    public async Task ReadsWaitingWhenTheServerClosesAllEndWithNoBytes()
    {
        var (stream, server) = await _loopback.ConnectAsync();
        var reads = ReceiveLoops.Start(Receiving(stream), async () =>
        {
            var pending = Enumerable.Range(0, 3).Select(_ => stream.ReadAsync(new byte[4]).AsTask()).ToArray();
            return await Task.WhenAll(pending);
        });

        server.Client.Shutdown(SocketShutdown.Send);

        Assert.Equal(new[] { 0, 0, 0 }, await reads.WaitAsync(Deadline));
    }

    [Fact]
    public async Task ReadsWaitingWhenTheStreamIsDisposedAllEnd()
    {
        var (stream, _) = await _loopback.ConnectAsync();
        var reads = ReceiveLoops.Start(Receiving(stream), () => Task.FromResult(
            Enumerable.Range(0, 3).Select(_ => stream.ReadAsync(new byte[4]).AsTask()).ToArray()));
        var pending = await reads.WaitAsync(Deadline);

        stream.Dispose();

        foreach (var read in pending)
        {
            // Failed (the connection is closed) or ended with no bytes; never left waiting.
            await Task.WhenAny(read, Task.Delay(Deadline));
            Assert.True(read.IsCompleted, "a read left waiting after the stream was disposed");
            Assert.True(read.IsFaulted || await read == 0);
        }
    }

    /// <summary>
    /// The class, not one interleaving: several readers on several threads read at once, with buffers of random
    /// sizes, while the server sends in random chunks; every byte sent is received exactly once and every reader
    /// ends when the server closes.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ManyReadersOnManyThreadsGetEveryByteExactlyOnce(int seed)
    {
        var (stream, server) = await _loopback.ConnectAsync();
        await ReceiveLoops.Start(Receiving(stream), () => Task.CompletedTask).WaitAsync(Deadline);
        const int Total = 20_000;
        var counts = new int[251];
        var readers = Enumerable.Range(0, 2 + (seed % 3)).Select(r => Task.Run(async () =>
        {
            var random = new Random(seed * 100 + r);
            while (true)
            {
                var buffer = new byte[random.Next(1, 64)];
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                for (var i = 0; i < read; i++)
                {
                    Interlocked.Increment(ref counts[buffer[i]]);
                }
            }
        })).ToArray();

        var sending = new Random(seed);
        var bytes = Enumerable.Range(0, Total).Select(i => (byte)(i % 251)).ToArray();
        for (var sent = 0; sent < Total;)
        {
            var chunk = Math.Min(Total - sent, sending.Next(1, 500));
            await server.GetStream().WriteAsync(bytes.AsMemory(sent, chunk));
            sent += chunk;
            if (sending.Next(4) == 0)
            {
                await Task.Delay(1);
            }
        }

        server.Client.Shutdown(SocketShutdown.Send);
        await Task.WhenAll(readers).WaitAsync(Deadline);

        var expected = new int[251];
        foreach (var b in bytes)
        {
            expected[b]++;
        }

        Assert.Equal(expected, counts);
        Assert.Equal(0, stream.QueuedReads);
    }

    private ReceiveThreads Receiving(BlockingSocketStream stream) =>
        _loopback.Own(new ReceiveThreads(stream, idle: null, quietAfter: TimeSpan.FromMilliseconds(50)));
}
