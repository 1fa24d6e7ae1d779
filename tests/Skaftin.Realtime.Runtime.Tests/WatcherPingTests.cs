using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// A parked connection whose only news is the server's ping gets it answered by the watcher, with no receive thread:
/// the pong (a masked "3" frame) goes out, the heartbeat hears of it, and the read stays parked; the next real frame
/// still goes the ordinary way. Anything else — a ping with more data, bytes that are not at a frame's start, a write
/// under way — goes the ordinary way too. Over real loopback TCP, the peer playing the server's side of the websocket.
/// </summary>
public sealed class WatcherPingTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);
    private static readonly byte[] Upgrade = Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
    private static readonly byte[] Ping = [0x81, 0x01, (byte)'2'];
    private readonly LoopbackConnections _loopback = new();

    public void Dispose() => _loopback.Dispose();

    [Fact]
    public async Task ALonePingOnAParkedConnectionIsAnsweredByTheWatcherWithNoReceiveThread()
    {
        var c = await OpenAsync();
        for (var round = 0; round < 3; round++)
        {
            var handOvers = Volatile.Read(ref c.HandOvers);
            await c.Server.GetStream().WriteAsync(Ping);

            var pong = await ReadExactlyAsync(c.Server, 7);
            Assert.Equal(0x81, pong[0]); // final text frame
            Assert.Equal(0x81, pong[1]); // masked, one byte
            Assert.Equal((byte)'3', (byte)(pong[6] ^ pong[2]));
            await Eventually(() => Volatile.Read(ref c.PingsAnswered) == round + 1, "the heartbeat heard of the answered ping");

            Assert.True(c.Stream.HasParkedRead, "the read stayed parked");
            Assert.Equal(handOvers, Volatile.Read(ref c.HandOvers)); // no receive thread ran
            Assert.True(c.Received.Count == 0, "the ping never went up to the reader");
        }

        // The next real frame still goes up the ordinary way.
        var frame = WebSocketFrameBoundaryTests.TextFrame(5);
        await c.Server.GetStream().WriteAsync(frame);
        Assert.Equal(frame, await TakeBytesAsync(c.Received, frame.Length));
        Assert.Equal(3, Volatile.Read(ref c.PingsAnswered));
    }

    [Fact]
    public async Task APingWithMoreDataBehindItGoesTheOrdinaryWay()
    {
        var c = await OpenAsync();
        var sent = Ping.Concat(WebSocketFrameBoundaryTests.TextFrame(2)).ToArray();

        await c.Server.GetStream().WriteAsync(sent);

        Assert.Equal(sent, await TakeBytesAsync(c.Received, sent.Length));
        await AssertNoPongAsync(c);
    }

    [Fact]
    public async Task BytesThatLookLikeAPingInTheMiddleOfAFrameAreNotTakenOff()
    {
        var c = await OpenAsync();
        byte[] head = [0x81, 0x05, (byte)'a', (byte)'b']; // a 5-byte text frame, 2 bytes of its payload so far
        await c.Server.GetStream().WriteAsync(head);
        Assert.Equal(head, await TakeBytesAsync(c.Received, head.Length));
        await Eventually(() => c.Stream.HasParkedRead, "parked mid-frame");

        await c.Server.GetStream().WriteAsync(Ping); // the frame's last 3 payload bytes

        Assert.Equal(Ping, await TakeBytesAsync(c.Received, Ping.Length));
        await AssertNoPongAsync(c);
    }

    [Fact]
    public async Task APingWhileAWriteIsUnderWayIsLeftToTheOrdinaryPath()
    {
        var c = await OpenAsync();
        c.Server.ReceiveBufferSize = 4096;

        // The server stops reading: a large write fills the buffers and blocks, holding the connection's write side.
        var writing = Task.Factory.StartNew(() => c.Stream.Write(new byte[16 * 1024 * 1024]), TaskCreationOptions.LongRunning);
        await Task.Delay(300);
        Assert.False(writing.IsCompleted, "the write is blocked");

        await c.Server.GetStream().WriteAsync(Ping);

        Assert.Equal(Ping, await TakeBytesAsync(c.Received, Ping.Length)); // went up: the pong would have waited
        Assert.Equal(0, Volatile.Read(ref c.PingsAnswered));
        c.Server.Client.Shutdown(SocketShutdown.Both); // ends the write (it fails; the connection is over)
        await Record.ExceptionAsync(() => writing.WaitAsync(Deadline));
    }

    private static async Task AssertNoPongAsync(Connection c)
    {
        await Task.Delay(300);
        Assert.Equal(0, c.Server.Available);
        Assert.Equal(0, Volatile.Read(ref c.PingsAnswered));
    }

    // A connection past its upgrade answer, following its frames, its reader parked.
    private async Task<Connection> OpenAsync()
    {
        var (stream, server) = await _loopback.ConnectAsync();
        stream.FollowFrames(); // before the first byte: the server has sent none yet
        var c = new Connection(stream, server);
        var threads = new ReceiveThreads(stream, () => Interlocked.Increment(ref c.HandOvers), Quiet)
        {
            PingAnswered = () => Interlocked.Increment(ref c.PingsAnswered),
        };
        _loopback.Own(threads);
        threads.Start(async () =>
        {
            var buffer = new byte[256];
            int read;
            try
            {
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    foreach (var b in buffer.AsSpan(0, read))
                    {
                        c.Received.Add(b);
                    }
                }
            }
            catch (Exception)
            {
                // Closed at the end of the test.
            }
        });

        var opening = Upgrade.Concat(WebSocketFrameBoundaryTests.TextFrame(2)).ToArray();
        await server.GetStream().WriteAsync(opening);
        Assert.Equal(opening, await TakeBytesAsync(c.Received, opening.Length));
        await Eventually(() => stream.HasParkedRead, "the quiet read parked");
        return c;
    }

    private static async Task<byte[]> ReadExactlyAsync(TcpClient client, int count)
    {
        var bytes = new byte[count];
        using var timeout = new CancellationTokenSource(Deadline);
        await client.GetStream().ReadExactlyAsync(bytes, timeout.Token);
        return bytes;
    }

    private static async Task<byte[]> TakeBytesAsync(BlockingCollection<byte> received, int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var index = i;
            bytes[i] = await Task.Run(() => received.TryTake(out var b, Deadline) ? b : throw new TimeoutException($"byte {index} of {count} never came"));
        }

        return bytes;
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, what);
            await Task.Delay(10);
        }
    }

    private sealed class Connection(BlockingSocketStream stream, TcpClient server)
    {
        public int HandOvers;
        public int PingsAnswered;

        public BlockingSocketStream Stream { get; } = stream;

        public TcpClient Server { get; } = server;

        public BlockingCollection<byte> Received { get; } = [];
    }
}
