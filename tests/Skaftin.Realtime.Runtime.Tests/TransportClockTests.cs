using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The websocket transport waits on time by the client's clock (<see cref="SkaftinRealtimeOptions.TimeProvider"/>):
/// here the take-over of a read whose thread is held by a handler, which must not happen until the client's clock
/// says <see cref="ReceiveThreads.TakeOverAfter"/> has passed, however long the wall clock waits.
/// </summary>
public sealed class TransportClockTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AReadHeldByABusyHandlerIsTakenOverWhenTheClientsClockSaysSo()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = listener.AcceptTcpClientAsync();
        using var stream = await BlockingSocketStream.ConnectAsync(
            new DnsEndPoint("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port), TimeSpan.FromSeconds(10), CancellationToken.None, clock);
        using var server = await accept;
        using var blocked = new ManualResetEventSlim();
        var release = new ManualResetEventSlim(); // not disposed: the receive thread may still be in its Wait
        var first = 1;
        var received = new BlockingCollection<byte>();
        using var threads = new ReceiveThreads(stream, () =>
        {
            if (Interlocked.Exchange(ref first, 0) == 1)
            {
                blocked.Set();
                release.Wait(Deadline); // an app's handler that blocks on the receive thread
            }
        });
        threads.Start(async () =>
        {
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1)
            {
                received.Add(one[0]);
            }
        });

        try
        {
            Assert.True(blocked.Wait(Deadline), "the first hand-over runs");
            await server.GetStream().WriteAsync(new byte[] { 7 });

            // Three times the take-over time on the wall clock, none on the client's: the read still waits.
            Assert.False(received.TryTake(out _, ReceiveThreads.TakeOverAfter * 3), "taken over before the client's clock moved");
            Assert.True(stream.HasWaitingRead);

            clock.Advance(ReceiveThreads.TakeOverAfter);

            Assert.True(received.TryTake(out var value, Deadline), "taken over once the client's clock passed the take-over time");
            Assert.Equal(7, value);
        }
        finally
        {
            release.Set();
        }

        server.Client.Shutdown(SocketShutdown.Send);
    }
}
